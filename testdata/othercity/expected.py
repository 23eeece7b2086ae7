#!/usr/bin/env python3
"""Expected values of the A, B.1 and B.2 indicators of Valtellaro.

Written from docs/data-model.md ("Aggregate files", "A, B.1 and B.2
indicators: definitions") and the catalogue's definitions, without the Go
engine: it reads only staff.yaml, services.yaml, vocabularies.yaml,
edition.yaml and projects.yaml (for B.3.5) of each edition, and writes the
42 indicators into expected-<year>.json, keeping the B.3 entries there.

    python3 testdata/othercity/expected.py      (needs PyYAML)

Rules it applies (see README.md for each value):
- a figure answers a question (measure, fixed codes, breakdown dimensions)
  when every code of its `for` is among the fixed codes and its cells carry
  the other fixed dimensions and the breakdown ones; the one with the fewest
  dimensions is read, summing the matching cells (a missing cell is zero);
  when none answers the indicator is n.d. (null), never 0;
- a code the catalogue fixes (role assistente_sociale, contract
  indeterminato, unit servizio_comunita, outcome invio_sst) that is not in
  the edition's code list makes the indicator n.d.: the definition names a
  category this city does not have (issue 11, item 1), it does not mean 0;
- breakdowns: one row per code in code-list order (districts in
  edition.yaml's order), zero rows kept; two dimensions give rows
  "a/b" labelled "A, B"; a ratio's row divides the row's numerator by the
  same row of its denominator (a district's residents) and is null when that
  is zero; a share is a fraction.
"""
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# Codes the catalogue (templates/catalogue.yaml) fixes in its filters, and
# Valtellaro's codes for the same things: expected-2022-own-codes.json is
# the 42 indicators under a copy of the catalogue whose filters name these
# (what data-model.md tells a city with other codes to do; TestOtherCity
# makes that copy).
BOLOGNA = {"role": "assistente_sociale", "contract": "indeterminato",
           "unit": "servizio_comunita", "outcome": "invio_sst"}
VALTELLARO = {"role": "ass_soc", "contract": "indeterminato", "unit": "comunita",
              "outcome": "invio_servizio_sociale"}

STAFF_DOMAINS = {"unit": "units", "district": "districts", "contract": "contracts", "role": "roles",
                 "area": "areas", "sex": "sexes", "age_band": "age_bands", "employer": "employers"}
SERVICES_DOMAINS = {"district": "districts", "target": "service_targets", "citizenship": "citizenships",
                    "age_band": "user_age_bands", "sex": "sexes", "intervention": "interventions",
                    "placement": "placements", "desk": "desks", "channel": "channels",
                    "requester": "requesters", "need": "needs", "outcome": "outcomes"}


def load(year, name):
    path = os.path.join(HERE, str(year), name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


class NA(Exception):
    """The indicator is n.d."""


class Edition:
    def __init__(self, year):
        self.year = year
        ed = load(year, "edition.yaml")
        self.districts = [(d["code"], d["name"], d["residents"]) for d in ed["territory"]["districts"]]
        self.residents = sum(d[2] for d in self.districts)
        self.vocab = load(year, "vocabularies.yaml")
        self.staff = load(year, "staff.yaml")
        self.services = load(year, "services.yaml")
        projects = load(year, "projects.yaml")
        self.b35 = None if projects is None else sum(
            p["beneficiaries"]["in_charge"] for p in projects if p.get("in_aggregates", True) is not False)

    def rows(self, source, dim):
        """(code, label) of a dimension, in code-list order."""
        domain = (STAFF_DOMAINS if source == "staff" else SERVICES_DOMAINS)[dim]
        if domain == "districts":
            return [(c, n) for c, n, _ in self.districts]
        return [(e["code"], e["label"]) for e in self.vocab[domain]]

    def answer(self, source, measure, fixed=None, dims=()):
        """The total and the cells {codes tuple: value} of the figure that answers."""
        figs = self.staff if source == "staff" else self.services
        if figs is None:
            raise NA(source + ".yaml is missing")
        fixed = fixed or {}
        domains = STAFF_DOMAINS if source == "staff" else SERVICES_DOMAINS
        for k, v in fixed.items():
            if v not in [c for c, _ in self.rows(source, k)]:
                raise NA("%s %s is not in the edition's %s" % (k, v, domains[k]))
        best = None
        for f in figs:
            if f["measure"] != measure:
                continue
            fr = f.get("for", {})
            if any(fixed.get(k) != v for k, v in fr.items()):
                continue
            celldims = set(f["cells"][0]) - {"value"} if f.get("cells") else set()
            need = (set(fixed) - set(fr)) | set(dims)
            if not need <= celldims:
                continue
            n = len(fr) + len(celldims)
            if best is None or n < best[0]:
                best = (n, f)
        if best is None:
            raise NA("%s.yaml has no figure of %s for %s by %s" % (source, measure, fixed, dims))
        f = best[1]
        fr = f.get("for", {})
        rest = {k: v for k, v in fixed.items() if k not in fr}
        if not rest and not dims and "total" in f:
            return f["total"], {}
        total, cells = 0, {}
        for c in f.get("cells", []):
            if any(c[k] != v for k, v in rest.items()):
                continue
            total += c["value"]
            key = tuple(c[d] for d in dims)
            cells[key] = cells.get(key, 0) + c["value"]
        return total, cells


def row(key, label, value):
    return {"key": key, "label": label, "value": value}


def ind(id, value, breakdown=None):
    out = {"id": id, "value": value}
    if breakdown is not None:
        out["breakdown"] = breakdown
    return out


def compute(ed, codes=BOLOGNA):
    CAT_ROLE, CAT_CONTRACT = codes["role"], codes["contract"]
    CAT_UNIT, CAT_OUTCOME = codes["unit"], codes["outcome"]
    out = []

    def add(id, f):
        try:
            out.append(f())
        except NA as e:
            out.append(ind(id, None))
            out[-1]["reason"] = str(e)

    def by(source, measure, dims, fixed=None):
        total, cells = ed.answer(source, measure, fixed, dims)
        rows = [[(c, l)] for c, l in ed.rows(source, dims[0])]
        if len(dims) == 2:
            rows = [r + [(c, l)] for r in rows for c, l in ed.rows(source, dims[1])]
        return total, [row("/".join(c for c, _ in r), ", ".join(l for _, l in r),
                           cells.get(tuple(c for c, _ in r), 0)) for r in rows]

    def tot(source, measure, fixed=None):
        return ed.answer(source, measure, fixed)[0]

    def summed(id, source, measure, dims=(), fixed=None):
        if not dims:
            return lambda: ind(id, tot(source, measure, fixed))
        return lambda: ind(id, *by(source, measure, list(dims), fixed))

    def per_district(id, source, measure, factor, fixed=None):
        def f():
            total, rows = by(source, measure, ["district"], fixed)
            res = {c: r for c, _, r in ed.districts}
            for r in rows:
                r["value"] = r["value"] / res[r["key"]] * factor
            return ind(id, total / ed.residents * factor, rows)
        return f

    def ratio(num, den, factor=1):
        if den == 0:
            raise NA("zero denominator")
        return num / den * factor

    R = ed.residents
    sw = {"role": CAT_ROLE}
    # A.1
    add("A.1.1", summed("A.1.1", "staff", "headcount", ["unit"]))
    add("A.1.2", lambda: ind("A.1.2", tot("staff", "fte"), [
        row("per_10000", "FTE per 10.000 residenti", ratio(tot("staff", "fte"), R, 10000))]))
    add("A.1.3", summed("A.1.3", "staff", "headcount", ["contract"]))
    add("A.1.4", summed("A.1.4", "staff", "headcount", ["sex", "age_band"]))
    add("A.1.5", lambda: ind("A.1.5", ratio(tot("staff", "hires") + tot("staff", "leavers"),
                                            tot("staff", "average_headcount"), 100), [
        row("hires", "Entrate (persone)", tot("staff", "hires")),
        row("leavers", "Uscite (persone)", tot("staff", "leavers")),
        row("average_headcount", "Organico medio (persone)", tot("staff", "average_headcount"))]))

    def a16():
        th, throws = by("staff", "training_hours", ["unit"])
        hc, hcrows = by("staff", "headcount", ["unit"])
        rows = []
        for t, h in zip(throws, hcrows):
            rows.append(row(t["key"], t["label"], None if h["value"] == 0 else t["value"] / h["value"]))
        return ind("A.1.6", ratio(th, hc), rows)
    add("A.1.6", a16)
    # A.2
    add("A.2.1", summed("A.2.1", "staff", "fte", ["unit"]))
    add("A.2.2", summed("A.2.2", "staff", "headcount", ["role", "area"]))
    add("A.2.3", per_district("A.2.3", "staff", "fte", 10000, {"unit": CAT_UNIT}))
    # A.3: social workers, the catalogue's role code
    add("A.3.1", summed("A.3.1", "staff", "headcount", ["employer"], sw))
    a32 = lambda: tot("staff", "fte", {"role": CAT_ROLE, "contract": CAT_CONTRACT})
    add("A.3.2", lambda: ind("A.3.2", a32()))
    add("A.3.3", lambda: ind("A.3.3", ratio(a32(), R, 10000), [
        row("soglia_6500", "Soglia di finanziamento (1:6.500)", 10000 / 6500),
        row("lep_5000", "Livello essenziale (1:5.000)", 10000 / 5000),
        row("obiettivo_4000", "Obiettivo (1:4.000)", 10000 / 4000)]))
    add("A.3.4", lambda: ind("A.3.4", a32() - R / 5000, [
        row("soglia_6500", "Soglia di finanziamento (1:6.500)", a32() - R / 6500),
        row("lep_5000", "Livello essenziale (1:5.000)", a32() - R / 5000),
        row("obiettivo_4000", "Obiettivo (1:4.000)", a32() - R / 4000)]))
    add("A.3.5", summed("A.3.5", "staff", "fte", ["area"], sw))
    add("A.3.6", per_district("A.3.6", "staff", "fte", 10000, sw))
    add("A.3.7", lambda: ind("A.3.7", ratio(tot("services", "users"), tot("staff", "fte", sw))))
    add("A.3.8", lambda: ind("A.3.8", ratio(tot("staff", "vacancies", sw) + tot("staff", "long_absences", sw),
                                            tot("staff", "headcount", sw), 100), [
        row("vacancies", "Posti vacanti", tot("staff", "vacancies", sw)),
        row("long_absences", "Assenze lunghe", tot("staff", "long_absences", sw)),
        row("hires", "Ingressi nell’anno", tot("staff", "hires", sw)),
        row("leavers", "Uscite nell’anno", tot("staff", "leavers", sw))]))
    add("A.3.9", lambda: ind("A.3.9", ratio(tot("staff", "community_workers", sw), tot("staff", "headcount", sw)), [
        row("community_workers", "Attivi nel lavoro di comunità", tot("staff", "community_workers", sw)),
        row("headcount", "Assistenti sociali in servizio", tot("staff", "headcount", sw))]))
    # B.1
    users = lambda: tot("services", "users")
    add("B.1.1", lambda: ind("B.1.1", users()))
    add("B.1.2", per_district("B.1.2", "services", "users", 1000))
    add("B.1.3", summed("B.1.3", "services", "users", ["target"]))
    add("B.1.4", summed("B.1.4", "services", "users", ["district"]))
    add("B.1.5", lambda: ind("B.1.5", ratio(tot("services", "new_cases"), users(), 100), [
        row("new_cases", "Nuove prese in carico", tot("services", "new_cases")),
        row("closed_cases", "Chiusure", tot("services", "closed_cases"))]))
    add("B.1.6", summed("B.1.6", "services", "protected_minors", ["placement"]))
    add("B.1.7", summed("B.1.7", "services", "interventions", ["intervention"]))
    add("B.1.8", lambda: ind("B.1.8", ratio(tot("services", "personal_plans"), users()), [
        row("personal_plans", "Utenti con progetto personalizzato", tot("services", "personal_plans")),
        row("users", "Utenti in carico", users())]))
    add("B.1.9", summed("B.1.9", "services", "users", ["citizenship", "age_band"]))

    def b110():
        rows = [row("community_users", "Utenti in esperienze di comunità", tot("services", "community_users")),
                row("users", "Utenti in carico", users())]
        b35 = row("B.3.5", "Beneficiari in carico dichiarati dai progetti (B.3.5)", ed.b35)
        return ind("B.1.10", ratio(tot("services", "community_users"), users()), rows + [b35])
    add("B.1.10", b110)
    add("B.1.11", lambda: ind("B.1.11", ratio(tot("services", "expenditure"), users()), [
        row("totale", "Spesa totale (euro)", tot("services", "expenditure")),
        row("pro_capite", "Spesa pro capite (euro per residente)", ratio(tot("services", "expenditure"), R))]))
    # B.2
    contacts = lambda: tot("services", "contacts")
    add("B.2.1", lambda: ind("B.2.1", contacts()))
    add("B.2.2", per_district("B.2.2", "services", "contacts", 1000))
    add("B.2.3", summed("B.2.3", "services", "contacts", ["desk"]))
    add("B.2.4", summed("B.2.4", "services", "contacts", ["channel"]))
    add("B.2.5", lambda: ind("B.2.5", tot("services", "persons"), [
        row("contatti_per_persona", "Contatti per persona", ratio(contacts(), tot("services", "persons")))]))
    add("B.2.6", summed("B.2.6", "services", "contacts", ["requester"]))
    add("B.2.7", summed("B.2.7", "services", "persons", ["target"]))
    add("B.2.8", summed("B.2.8", "services", "persons", ["citizenship", "age_band"]))
    add("B.2.9", summed("B.2.9", "services", "requests", ["need"]))
    add("B.2.10", summed("B.2.10", "services", "contacts", ["outcome"]))
    sst = {"outcome": CAT_OUTCOME}
    add("B.2.11", lambda: ind("B.2.11", ratio(tot("services", "contacts", sst), contacts()), [
        row("contacts", "Contatti inviati al servizio sociale", tot("services", "contacts", sst))]))
    add("B.2.12", lambda: ind("B.2.12", ratio(tot("services", "filter_onward"), tot("services", "filter_contacts")), [
        row("filter_contacts", "Contatti dei servizi filtro", tot("services", "filter_contacts")),
        row("filter_onward", "Proseguiti allo sportello", tot("services", "filter_onward"))]))
    add("B.2.13", lambda: ind("B.2.13", ratio(contacts(), tot("services", "desk_fte")), [
        row("opening_hours", "Ore di apertura settimanali", tot("services", "opening_hours")),
        row("desk_fte", "FTE degli sportelli", tot("services", "desk_fte"))]))
    assert len(out) == 42, len(out)
    return out


def dump(doc):
    """expected-<year>.json in the file's layout: one line per indicator and per row."""
    lines = ['{"edition": %d,' % doc["edition"], ' "indicators": [']
    items = []
    for i in doc["indicators"]:
        head = {k: v for k, v in i.items() if k != "breakdown"}
        s = "  " + json.dumps(head, ensure_ascii=False)
        if "breakdown" in i:
            s = s[:-1] + ',\n   "breakdown": [\n' + ",\n".join(
                "    " + json.dumps(r, ensure_ascii=False) for r in i["breakdown"]) + "\n   ]}"
        items.append(s)
    return "\n".join(lines) + "\n" + ",\n".join(items) + "\n ]}\n"


def main():
    for year in (2022, 2023):
        path = os.path.join(HERE, "expected-%d.json" % year)
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        ours = compute(Edition(year))
        ids = {i["id"] for i in ours}
        doc["indicators"] = ours + [i for i in doc["indicators"] if i["id"] not in ids]
        with open(path, "w", encoding="utf-8") as f:
            f.write(dump(doc))
        if "-v" in sys.argv:
            for i in ours:
                print(year, i["id"], i["value"], i.get("reason", ""), i.get("breakdown", ""))
    own = compute(Edition(2022), VALTELLARO)
    with open(os.path.join(HERE, "expected-2022-own-codes.json"), "w", encoding="utf-8") as f:
        f.write(dump({"edition": 2022, "indicators": own}))
    if "-v" in sys.argv:
        for i in own:
            print("own codes", i["id"], i["value"], i.get("reason", ""), i.get("breakdown", ""))


if __name__ == "__main__":
    main()
