/**
 * The part of Excel's custom-functions runtime this add-in uses (the global `CustomFunctions`
 * object exists only inside Excel; @types/custom-functions-runtime is not a dependency).
 * functions.ts calls `CustomFunctions.associate` for every function of the table.
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
