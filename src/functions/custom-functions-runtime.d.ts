/**
 * The part of Excel's custom-functions runtime this add-in uses (the global `CustomFunctions`
 * object exists only inside Excel; @types/custom-functions-runtime is not a dependency).
 * `CustomFunctions.associate` calls are injected into functions.ts by
 * custom-functions-metadata-plugin.
 */
declare namespace CustomFunctions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any function signature
  function associate(id: string, fn: (...args: any[]) => unknown): void;
  class Error {
    constructor(errorCode?: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }
}
