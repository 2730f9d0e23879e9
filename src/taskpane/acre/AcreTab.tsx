/** PLACEHOLDER (skeleton): the per-mu evaluation tab. Replace this file. */
import type { JSX } from "react";
import type { WorkbookPort } from "../../workbook/port";

export function AcreTab({ port }: { port: WorkbookPort }): JSX.Element {
  void port;
  return <p data-placeholder="acre">亩均评价：即将推出 (coming soon)</p>;
}
