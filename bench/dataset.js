// The sync benchmark's data set, made once from one seed and read by both sides, so Quayside and
// PouchDB replicate exactly the same edits.
//
//   node dataset.js --cases 1000 --seed 1 > dataset.json
//
// Each case: opened by device A, then 24 field edits (each field filled in once, then the notes,
// weight, value, ... revised as the inspection goes on), 25 edits in all. In 5% of the cases one of
// the revisions is made instead by device B, which received the opened case before both went
// offline: it sets a field A also sets, so the case ends with a conflict on that field.
// Values are in the canonical form Quayside's parsers give (the Rust side checks each one).
'use strict';

const CONCURRENT_SHARE = 0.05;
const EDITS_AFTER_OPENING = 24;

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

// mulberry32: small, seedable and the same in every Node version.
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    below: (n) => Math.floor(next() * n),
    pick(list) { return list[this.below(list.length)]; },
    digits(n) { let s = ''; for (let i = 0; i < n; i++) s += this.below(10); return s; },
  };
}

// ISO 6346: letters count 10.. skipping multiples of 11; the check digit is the weighted sum mod 11.
function containerNumber(rng) {
  const letterValue = (c) => {
    let v = 10;
    for (let code = 65; code < c.charCodeAt(0); code++) {
      v += 1;
      if (v % 11 === 0) v += 1;
    }
    return v;
  };
  for (;;) {
    const owner = rng.pick(['CSQU', 'MSCU', 'MAEU', 'CMAU', 'TGHU', 'HLXU', 'OOLU', 'TCNU']);
    const serial = rng.digits(6);
    const body = owner + serial;
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      const value = c >= '0' && c <= '9' ? Number(c) : letterValue(c);
      sum += value * 2 ** i;
    }
    const check = sum % 11;
    if (check !== 10) return body + check; // 10 is avoided by owners: no valid number ends in it
  }
}

function imoNumber(rng) {
  const six = `9${rng.digits(5)}`;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * (7 - i);
  return six + (sum % 10);
}

const VESSELS = ['MSC ANNA', 'MAERSK EDMONTON', 'CMA CGM JACQUES JOSEPH', 'EVER GIVEN', 'ONE APUS',
  'HMM ALGECIRAS', 'COSCO SHIPPING UNIVERSE', 'BERLIN EXPRESS', 'MSC GULSUN', 'MOL TRIUMPH'];
const DESCRIPTIONS = ['Solder paste, tin alloy, in 20 kg tins', 'Tantalum ore concentrate, bagged',
  'Tungsten carbide scrap in steel drums', 'Cobalt hydroxide in 1 t big bags',
  'Niobium powder, sealed drums', 'Ferro-tungsten lumps on pallets', 'Cassiterite concentrate, bagged',
  'Gold-plated connectors, cartons', 'Lithium carbonate, technical grade, in sacks'];
const HS_CODES = ['2615.90', '2611.00', '8103.30', '8108.20', '2822.00', '8112.92', '3810.10',
  '8101.97', '2805.30', '7202.80', '2609.00', '2836.91'];
const ORIGINS = ['CN', 'CD', 'RW', 'BO', 'PE', 'MY', 'ID', 'BR', 'NG', 'UG'];
const PORTS = ['NLRTM', 'BEANR', 'DEHAM'];
const NOTES = ['Container selected by the risk lane.', 'Seal intact on arrival.',
  'Tins heavier than declared.', 'X-ray shows dense cores in several tins.',
  'Sample taken for XRF analysis.', 'Importer contacted, documents requested.',
  'Packing list does not match the bill of lading.', 'Goods moved to the inspection bay.',
  'Second pallet opened, same pattern.', 'Laboratory result pending.',
  'Weight re-measured on the calibrated scale.', 'Photos of markings taken.'];

const FIELDS = {
  vessel_name: (rng) => rng.pick(VESSELS),
  voyage: (rng) => `${rng.pick(['FA', 'NW', 'QE', 'AE', 'MD'])}${rng.digits(3)}${rng.pick(['W', 'E', 'N', 'S'])}`,
  imo_number: imoNumber,
  container_number: containerNumber,
  declaration_number: (rng) => `26NL${rng.digits(14)}`,
  transport_document: (rng) => `${rng.pick(['MEDU', 'MAEU', 'CMDU'])}${rng.digits(7)}`,
  declared_description: (rng) => rng.pick(DESCRIPTIONS),
  declared_hs_code: (rng) => rng.pick(HS_CODES),
  declared_weight: (rng) => `${500 + rng.below(24000)} kg`,
  declared_value: (rng) => `${1000 + rng.below(500000)}.${rng.digits(2)} ${rng.pick(['USD', 'EUR'])}`,
  declared_origin: (rng) => rng.pick(ORIGINS),
};
// What an inspector keeps revising, with how often (notes the most).
const REVISED = ['case_notes', 'case_notes', 'case_notes', 'case_notes', 'declared_weight',
  'declared_weight', 'declared_value', 'declared_description', 'declared_hs_code', 'voyage'];

function makeCase(rng) {
  const edits = [];
  let notes = '';
  const value = (field) => {
    if (field !== 'case_notes') return FIELDS[field](rng);
    notes = notes ? `${notes} ${rng.pick(NOTES)}` : rng.pick(NOTES);
    return notes;
  };
  // Filled in once each, in the form's order, the notes started.
  for (const field of [...Object.keys(FIELDS), 'case_notes']) {
    edits.push({ field, value: value(field), by: 'A' });
  }
  while (edits.length < EDITS_AFTER_OPENING) {
    const field = rng.pick(REVISED);
    edits.push({ field, value: value(field), by: 'A' });
  }
  return { port: rng.pick(PORTS), edits };
}

function main() {
  const cases = argument('cases', 1000);
  const seed = argument('seed', 1);
  const rng = generator(seed);
  const all = [];
  for (let i = 0; i < cases; i++) all.push(makeCase(rng));
  // Which cases get a concurrent edit: a seeded choice of 5% (at least one in a tiny run).
  const concurrent = Math.max(1, Math.round(cases * CONCURRENT_SHARE));
  const order = all.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const index of order.slice(0, concurrent)) {
    const edits = all[index].edits;
    // A revision (never the first fill of its field, so A sets that field too) moves to B,
    // with a value of B's own.
    const at = Object.keys(FIELDS).length + 1 + rng.below(EDITS_AFTER_OPENING - Object.keys(FIELDS).length - 1);
    const field = edits[at].field === 'case_notes' ? 'declared_weight' : edits[at].field;
    const taken = new Set(edits.filter((e) => e.field === field).map((e) => e.value));
    let value;
    do value = FIELDS[field](rng); while (taken.has(value)); // a real disagreement
    edits[at] = { field, value, by: 'B' };
  }
  process.stdout.write(`${JSON.stringify({ seed, edits_per_case: EDITS_AFTER_OPENING + 1, concurrent, cases: all })}\n`);
}

main();
