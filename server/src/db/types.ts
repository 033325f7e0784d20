import type { Prisma } from "../generated/prisma/client.ts";

/** A Prisma client or the client of an open transaction: services accept either. */
export type Tx = Prisma.TransactionClient;
