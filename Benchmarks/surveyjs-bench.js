// The SurveyJS engine's side of `make bench`: run by assess-bench as
//   node surveyjs-bench.js BUNDLE SURVEY.json ANSWERS.jsonl
// ANSWERS.jsonl holds one answer set (a JSON object) per line. Prints one JSON object of medians in ms:
//   {"construct": model construction, "step": one setValue, "set": a whole answer set (model + data),
//    "sets": N}
'use strict';
const fs = require('fs');
const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'jquery') { const $ = function () { return {}; }; $.fn = { extend() {} }; $.default = $; return $; }
  return load.call(this, request, ...rest);
};
global.window = global;
global.navigator = { maxTouchPoints: 0, userAgent: 'node' };
global.addEventListener = () => {};
global.removeEventListener = () => {};

const [bundle, surveyPath, answersPath] = process.argv.slice(2);
const Survey = require(require('path').resolve(bundle));
const form = JSON.parse(fs.readFileSync(surveyPath, 'utf8'));
const sets = fs.readFileSync(answersPath, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));

function median(xs) { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
function time(f) { const t = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t) / 1e6; }

// Warm up the JIT as the Swift side is warm: a few whole sets first.
for (let i = 0; i < 3; i++) { const m = new Survey.Model(form); m.clearInvisibleValues = 'none'; m.data = sets[i % sets.length]; }

const construct = [];
for (let i = 0; i < 20; i++) construct.push(time(() => new Survey.Model(form)));

const whole = [];
for (const answers of sets) whole.push(time(() => {
  const m = new Survey.Model(form); m.clearInvisibleValues = 'none'; m.data = answers;
}));

// One step: a model holding an answer set gets one more answer (a question of the next set, its value there).
const steps = [];
for (let i = 0; i < sets.length; i++) {
  const m = new Survey.Model(form); m.clearInvisibleValues = 'none'; m.data = sets[i];
  const other = sets[(i + 1) % sets.length];
  const names = Object.keys(other);
  for (let k = 0; k < Math.min(20, names.length); k++) {
    const name = names[(k * 7) % names.length];
    steps.push(time(() => m.setValue(name, other[name])));
  }
}
console.log(JSON.stringify({ construct: median(construct), step: median(steps), set: median(whole), sets: sets.length }));
