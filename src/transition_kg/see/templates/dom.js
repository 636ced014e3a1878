"use strict";
// The pages' shared DOM helpers. Text always goes in as text, never parsed as markup.

// an element with its attributes and children (strings become text; null and undefined are skipped)
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

// a small line chart of a series: points {x (a year), y, tick (the value as written beside the y
// axis), title (optional, the point's tooltip), faded (optional: drawn hollow)}, years across, values up from 0 (or below it);
// nudge is [dx, dy] of a tick from the axis and the point. The page's style colours the .axis,
// .series and .point and sizes the text.
function lineChart(points, {width: W, height: H, left: L, bottom: B, nudge: [dx, dy], label}) {
  const ns = "http://www.w3.org/2000/svg", R = 20, T = 10;
  const xs = points.map(p => p.x), ys = points.map(p => p.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(0, ...ys), y1 = Math.max(...ys);
  const X = x => L + (x1 === x0 ? 0 : (x - x0) / (x1 - x0)) * (W - L - R);
  const Y = y => T + (1 - (y1 === y0 ? 0.5 : (y - y0) / (y1 - y0))) * (H - T - B);
  const make = (tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const svg = make("svg", {viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": label});
  const add = (tag, attrs, text) => svg.appendChild(make(tag, attrs, text));
  add("line", {x1: L, y1: H - B, x2: W - R, y2: H - B, class: "axis"});
  add("line", {x1: L, y1: T, x2: L, y2: H - B, class: "axis"});
  add("polyline", {points: points.map(p => `${X(p.x)},${Y(p.y)}`).join(" "), class: "series"});
  for (const p of points) {
    const point = add("circle", {cx: X(p.x), cy: Y(p.y), r: 4, class: p.faded ? "point faded" : "point"});
    if (p.title !== undefined) point.appendChild(make("title", {}, p.title));
    add("text", {x: X(p.x), y: H - 6, "text-anchor": "middle"}, String(p.x));
    add("text", {x: L - dx, y: Y(p.y) + dy, "text-anchor": "end"}, p.tick);
  }
  return svg;
}
