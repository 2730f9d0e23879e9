/**
 * jest setup for every test file: the DOM tests' waitFor / findBy wait up to 10 s (not 1 s), so
 * that a pane test on a loaded 2-core machine fails only when the pane is wrong, not slow.
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 10000 });
