// The settings page's procedures: organisation settings, teams and their services, API tokens.
// Thin: validate with the shared schemas (shared/src/settings.ts), call one service. Merged into
// appRouter (router.ts) by spreading. No auth: see web/README.md "Known limitations".
import { OrgSettingsUpdate, ServiceTeamAssignment, TeamCreate, TeamUpdate, TokenCreate, TokenRevoke } from "@keel/shared";
import { assignServiceTeam } from "../services/assignServiceTeam.ts";
import { createTeam } from "../services/createTeam.ts";
import { getOrgSettings } from "../services/getOrgSettings.ts";
import { createToken, listTokens, revokeToken } from "../services/tokens.ts";
import { updateOrgSettings } from "../services/updateOrgSettings.ts";
import { updateTeam } from "../services/updateTeam.ts";
import { publicProcedure, router } from "./init.ts";

export const settingsRouters = {
  settings: router({
    get: publicProcedure.query(({ ctx }) => getOrgSettings({ db: ctx.db })),
    update: publicProcedure.input(OrgSettingsUpdate).mutation(({ ctx, input }) => updateOrgSettings({ db: ctx.db, input })),
  }),
  teams: router({
    create: publicProcedure.input(TeamCreate).mutation(({ ctx, input }) => createTeam({ db: ctx.db, input })),
    update: publicProcedure.input(TeamUpdate).mutation(({ ctx, input }) => updateTeam({ db: ctx.db, input })),
    assignService: publicProcedure.input(ServiceTeamAssignment).mutation(({ ctx, input }) => assignServiceTeam({ db: ctx.db, input })),
  }),
  tokens: router({
    list: publicProcedure.query(({ ctx }) => listTokens({ db: ctx.db })),
    create: publicProcedure.input(TokenCreate).mutation(({ ctx, input }) => createToken({ db: ctx.db, input })),
    revoke: publicProcedure.input(TokenRevoke).mutation(({ ctx, input }) => revokeToken({ db: ctx.db, input: { idOrPrefix: input.id } })),
  }),
};
