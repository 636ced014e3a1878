"use strict";
// The docs page's search: the classes and properties whose name, label or IRI hold the words,
// their folded parts opened; the others hidden while the box holds words.
const find = document.getElementById("find");
const found = document.getElementById("found");
const parts = [...document.querySelectorAll("details.part")];
const terms = parts.flatMap(part => [...part.querySelectorAll(":scope > section")]);

find.addEventListener("input", () => {
  const words = find.value.trim().toLowerCase();
  let count = 0;
  for (const term of terms) {
    const head = (term.querySelector("h3").textContent + " " + term.querySelector("dd code").textContent).toLowerCase();
    term.hidden = words !== "" && !head.includes(words);
    if (!term.hidden) count++;
  }
  for (const part of parts) part.open = words !== "" || part.open;
  found.textContent = words ? `${count} found` : "";
});
