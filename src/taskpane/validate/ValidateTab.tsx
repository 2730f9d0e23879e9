/** PLACEHOLDER (skeleton): the pre-submission validation tab. Replace this file. */
import type { JSX } from "react";
import type { WorkbookPort } from "../../workbook/port";

export function ValidateTab({ port }: { port: WorkbookPort }): JSX.Element {
  void port;
  return <p data-placeholder="validate">提交前校验：即将推出 (coming soon)</p>;
}
