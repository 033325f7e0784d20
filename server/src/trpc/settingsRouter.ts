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
import { adminProcedure, audit, editorProcedure, router, viewerProcedure } from "./init.ts";

export const settingsRouters = {
  settings: router({
    get: viewerProcedure.output(OrgSettings).query(({ ctx }) => getOrgSettings({ db: ctx.db })),
    update: editorProcedure
      .input(OrgSettingsUpdate)
      .output(OrgSettings)
      .mutation(({ ctx, input }) =>
        audit(ctx, { action: "settings.update", target: "organisation", changes: input }, () => updateOrgSettings({ db: ctx.db, input })),
      ),
  }),
  teams: router({
    create: editorProcedure
      .input(TeamCreate)
      .output(Team)
      .mutation(({ ctx, input }) => audit(ctx, { action: "team.create", target: input.slug, changes: input }, () => createTeam({ db: ctx.db, input }))),
    update: editorProcedure
      .input(TeamUpdate)
      .output(Team)
      .mutation(({ ctx, input }) => audit(ctx, { action: "team.update", target: input.slug, changes: input }, () => updateTeam({ db: ctx.db, input }))),
    assignService: editorProcedure
      .input(ServiceTeamAssignment)
      .output(ServiceTeam)
      .mutation(({ ctx, input }) =>
        audit(ctx, { action: "service.assignTeam", target: input.service, changes: input }, () => assignServiceTeam({ db: ctx.db, input })),
      ),
  }),
  tokens: router({
    list: adminProcedure.output(TokenList.shape.tokens).query(({ ctx }) => listTokens({ db: ctx.db })),
    create: adminProcedure
      .input(TokenCreate)
      .output(TokenCreated)
      .mutation(({ ctx, input }) =>
        audit(ctx, { action: "token.create", target: input.name, changes: { scope: input.scope } }, () => createToken({ db: ctx.db, input })),
      ),
    revoke: adminProcedure
      .input(TokenRevoke)
      .output(TokenRevoked)
      .mutation(({ ctx, input }) =>
        audit(ctx, { action: "token.revoke", target: input.id, changes: {} }, () => revokeToken({ db: ctx.db, input: { idOrPrefix: input.id } })),
      ),
  }),
  users: router({
    list: adminProcedure.output(UserList).query(({ ctx }) => listUsers({ db: ctx.db })),
    create: adminProcedure
      .input(UserCreate)
      .output(User)
      .mutation(({ ctx, input }) => audit(ctx, { action: "user.create", target: input.email, changes: input }, () => createUser({ db: ctx.db, input }))),
    update: adminProcedure
      .input(UserUpdate)
      .output(UserUpdated)
      .mutation(({ ctx, input }) =>
        audit(ctx, { action: "user.update", target: input.email, changes: input }, () =>
          updateUser({ db: ctx.db, input, actorUserId: ctx.identity.kind === "user" ? ctx.identity.userId : undefined }),
        ),
      ),
  }),
  audit: router({
    list: adminProcedure
      .input(AuditQuery)
      .output(AuditLog)
      .query(({ ctx, input }) => listAudit({ db: ctx.db, input })),
  }),
};
