import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { DataTable, type Column } from "./DataTable.tsx";

interface Row {
  name: string;
  hours: number;
}

const rows: Row[] = [
  { name: "Payments", hours: 1.5 },
  { name: "Checkout", hours: 2 },
];

const columns: Column<Row>[] = [
  { key: "name", header: "Team", rowHeader: true, cell: (r) => r.name, footer: "Total" },
  {
    key: "hours",
    header: "Hours",
    numeric: true,
    className: "nowrap",
    testId: (r) => `hours-${r.name}`,
    cell: (r) => r.hours,
    footer: 3.5,
    footerTestId: "hours-total",
  },
  { key: "rank", header: "#", cell: (_, i) => i + 1 },
];

const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) =>
  renderToStaticMarkup(createElement(DataTable<Row>, { columns, rows, rowKey: (r) => r.name, ...props }));

describe("DataTable", () => {
  test("column headers with scope, the row's name as a row header, figures right-aligned, a total row", () => {
    expect(render()).toBe(
      '<div class="table-scroll"><table>' +
        '<thead><tr><th scope="col">Team</th><th scope="col" class="numeric">Hours</th><th scope="col">#</th></tr></thead>' +
        "<tbody>" +
        '<tr><th scope="row">Payments</th><td class="numeric nowrap" data-testid="hours-Payments">1.5</td><td>1</td></tr>' +
        '<tr><th scope="row">Checkout</th><td class="numeric nowrap" data-testid="hours-Checkout">2</td><td>2</td></tr>' +
        "</tbody>" +
        '<tfoot><tr><th scope="row">Total</th><td class="numeric nowrap" data-testid="hours-total">3.5</td><td></td></tr></tfoot>' +
        "</table></div>",
    );
  });

  test("no total row when no column has a footer", () => {
    expect(render({ columns: columns.map(({ footer: _footer, ...c }) => c) })).not.toContain("<tfoot>");
  });

  test("a caption, visible or for screen readers only; a class and row classes; no scrolling wrapper on request", () => {
    expect(render({ caption: "By team" })).toContain("<table><caption>By team</caption>");
    const html = render({
      caption: "By team",
      captionHidden: true,
      className: "teams-table",
      scroll: false,
      rowClassName: (r) => (r.name === "Checkout" ? "row-flagged" : undefined),
    });
    expect(html).toMatch(/^<table class="teams-table"><caption class="visually-hidden">By team<\/caption>/);
    expect(html).toContain('<tr class="row-flagged"><th scope="row">Checkout</th>');
    expect(html).toContain('<tr><th scope="row">Payments</th>');
  });
});
