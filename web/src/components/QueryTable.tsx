// A settings-style list that one query feeds (connections, webhooks, users, tokens, subscriptions,
// deliveries): the query's skeleton while it loads, its error with "Try again" when it fails, then
// the table, or the `empty` sentence when there is nothing to list. The caption and the loading and
// failure sentences are all said from the list's noun, so every list words them alike.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryView } from "./QueryView.tsx";
import { listWords } from "./listWords.ts";
import { SettingsTable, type SettingsTableProps } from "./SettingsTable.tsx";

interface QueryTableProps<T, E, Row> extends Omit<SettingsTableProps<Row>, "rows" | "caption"> {
  query: UseQueryResult<T, E>;
  /** How a sentence names the list: "users", "API tokens", "the delivery log". */
  noun: string;
  /** How many lines the loading skeleton has. */
  lines?: number;
  /** The rows in the query's answer. */
  rows: (data: T) => readonly Row[];
  /** Shown after the table once the query has answered (a form that adds a row). */
  children?: ReactNode;
}

export function QueryTable<T, E, Row>({ query, noun, lines = 3, rows, children, ...table }: QueryTableProps<T, E, Row>) {
  const words = listWords(noun);
  return (
    <QueryView query={query} loadingLabel={words.loading} lines={lines} errorTitle={words.failed}>
      {(data) => (
        <>
          <SettingsTable {...table} caption={words.caption} rows={rows(data)} />
          {children}
        </>
      )}
    </QueryView>
  );
}
