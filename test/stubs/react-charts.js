/**
 * @fluentui/react-charts under jest: the package's d3 dependencies are ES modules that jest's
 * CommonJS mode cannot load, and jsdom cannot measure SVG text. The jsdom tests check the
 * chart's data and its text alternative; the real charts are drawn in Chromium (test/e2e).
 */
"use strict";
const React = require("react");
function GroupedVerticalBarChart(props) {
  return React.createElement(
    "svg",
    { "data-stub-chart": "GroupedVerticalBarChart", "data-points": JSON.stringify(props.data || []) },
    null,
  );
}
module.exports = { GroupedVerticalBarChart };
