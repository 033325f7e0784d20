// The settings page's procedures: organisation settings, teams and their services (editors), API
// tokens, users and the audit log (admins). Thin: validate with the shared schemas, call one
// service; every change goes to the audit log. Merged into appRouter (router.ts) by spreading.
import { AuditQuery, OrgSettingsUpdate, ServiceTeamAssignment, TeamCreate, TeamUpdate, TokenCreate, TokenRevoke, UserCreate, UserUpdate } from "@keel/shared";
import { AuditLog, OrgSettings, ServiceTeam, Team, TokenCreated, TokenList, TokenRevoked, User, UserList, UserUpdated } from "@keel/shared/outputs";
import { assignServiceTeam } from "../services/assignServiceTeam.ts";
import { listAudit } from "../services/auth/audit.ts";
import { createUser, listUsers, updateUser } from "../services/auth/users.ts";
import { createTeam } from "../services/createTeam.ts";
import { getOrgSettings } from "../services/getOrgSettings.ts";
import { createToken, listTokens, revokeToken } from "../services/tokens.ts";
import { updateOrgSettings } from "../services/updateOrgSettings.ts";
import { updateTeam } from "../services/updateTeam.ts";
import { adminChange, auditedById, editorChange, type Change } from "./changing.ts";
import { adminProcedure, router, viewerProcedure } from "./init.ts";

/** revokeToken also takes a token's prefix; the web app names the token by its id. */
const revokeById = ({ db, input }: Change<{ id: string }>) => revokeToken({ db, input: { idOrPrefix: input.id } });

export const settingsRouters = {
  settings: router({
    get: viewerProcedure.output(OrgSettings).query(({ ctx }) => getOrgSettings({ db: ctx.db })),
    update: editorChange(OrgSettingsUpdate, OrgSettings, () => ({ action: "settings.update", target: "organisation" }), updateOrgSettings),
  }),
  teams: router({
    create: editorChange(TeamCreate, Team, (team) => ({ action: "team.create", target: team.slug }), createTeam),
    update: editorChange(TeamUpdate, Team, (team) => ({ action: "team.update", target: team.slug }), updateTeam),
    assignService: editorChange(ServiceTeamAssignment, ServiceTeam, (a) => ({ action: "service.assignTeam", target: a.service }), assignServiceTeam),
  }),
  tokens: router({
    list: adminProcedure.output(TokenList.shape.tokens).query(({ ctx }) => listTokens({ db: ctx.db })),
    create: adminChange(TokenCreate, TokenCreated, (token) => ({ action: "token.create", target: token.name, changes: { scope: token.scope } }), createToken),
    revoke: adminChange(TokenRevoke, TokenRevoked, auditedById("token.revoke"), revokeById),
  }),
  users: router({
    list: adminProcedure.output(UserList).query(({ ctx }) => listUsers({ db: ctx.db })),
    create: adminChange(UserCreate, User, (user) => ({ action: "user.create", target: user.email }), createUser),
    update: adminChange(UserUpdate, UserUpdated, (user) => ({ action: "user.update", target: user.email }), updateUser),
  }),
  audit: router({
    list: adminProcedure
      .input(AuditQuery)
      .output(AuditLog)
      .query(({ ctx, input }) => listAudit({ db: ctx.db, input })),
  }),
};
