#!/usr/bin/env python3
"""Generates the synthetic datasets of the evaluation suite (evals/data/), seeded, standard library only.

- churn_ids.csv: customer churn with a `customer_id` column (unique, meaningless) the assistant must ignore.
- loans_leak.csv: loan default with `recovery_status`, a disguised copy of the target (it is only known
  after a default), which the assistant must notice and leave out.
- tickets_text.csv: support tickets whose free-text `message` carries the category (a text task).
- wine_unlabelled.csv: datasets/wine.csv without its `target` column (a clustering task, no label).
Leakage traps (issue 13), each a realistic leak that a near-determinism probe alone would miss or that
random folds would hide:
- churn_retention.csv: churn with `retention_call` (offered / none), logged after the customer asked
  to leave: it agrees with the target on about 96 % of rows (noisy, so not near-deterministic).
- claims_billed.csv: insurance claim cost (regression) with `billed_amount`, the cost times noise
  (x 0.95 to 1.05), known only once the claim is settled.
- credit_applicants.csv: credit default where each applicant (`applicant_id`) appears 2 to 4 times with
  the same outcome and a few fields differing: random folds put one applicant on both sides.
- houses_near_dupes.csv: house prices (regression) where a block of 12 % of the rows are re-entered
  copies of others with `lot_area` changed by at most 0.2 % of its spread.

They are synthetic (no licence question); rerun this script to regenerate them byte for byte:
    python3 scripts/make-eval-datasets.py
"""
import csv
import math
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "evals", "data")


def write(name, header, rows):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def churn(rng, n=600):
    rows = []
    ids = rng.sample(range(100000, 999999), n)
    for i in range(n):
        tenure = rng.randint(1, 72)
        contract = rng.choices(["month", "one_year", "two_year"], [0.55, 0.25, 0.20])[0]
        charges = round(rng.uniform(20, 120), 2)
        calls = min(9, int(rng.expovariate(0.6)))
        z = -1.0 - 0.05 * tenure + 0.025 * (charges - 70) + 0.45 * calls
        z += {"month": 1.2, "one_year": -0.4, "two_year": -1.6}[contract]
        churned = "yes" if rng.random() < 1 / (1 + math.exp(-z)) else "no"
        rows.append([ids[i], tenure, charges, calls, contract, churned])
    write("churn_ids.csv", ["customer_id", "tenure_months", "monthly_charges", "support_calls", "contract", "churned"], rows)


def loans(rng, n=700):
    rows = []
    for _ in range(n):
        income = round(rng.lognormvariate(10.6, 0.45))
        age = rng.randint(21, 70)
        debt_ratio = round(min(1.5, max(0.0, rng.gauss(0.38, 0.18))), 3)
        years = rng.randint(0, min(40, age - 18))
        z = -2.2 + 4.0 * (debt_ratio - 0.38) - 0.6 * (math.log(income) - 10.6) - 0.04 * years
        default = 1 if rng.random() < 1 / (1 + math.exp(-z)) else 0
        status = "in_collection" if default else "current"
        rows.append([income, age, debt_ratio, years, status, default])
    write("loans_leak.csv", ["income", "age", "debt_ratio", "years_employed", "recovery_status", "defaulted"], rows)


WORDS = {
    "billing": ["invoice", "charged", "refund", "payment", "card", "bill", "price", "twice", "subscription", "receipt"],
    "technical": ["error", "crash", "login", "password", "app", "update", "screen", "bug", "slow", "connection"],
    "delivery": ["parcel", "delivery", "courier", "late", "address", "tracking", "package", "shipped", "arrived", "lost"],
}
FILLER = ["please", "help", "my", "the", "today", "again", "still", "since", "monday", "thanks", "urgent", "order", "account", "hello"]


def tickets(rng, n=450):
    rows = []
    for _ in range(n):
        category = rng.choice(sorted(WORDS))
        words = rng.sample(WORDS[category], 2) + rng.sample(FILLER, rng.randint(3, 6))
        # A word of another category every other ticket, so the task is not trivial.
        if rng.random() < 0.5:
            other = rng.choice([c for c in sorted(WORDS) if c != category])
            words.append(rng.choice(WORDS[other]))
        rng.shuffle(words)
        channel = rng.choice(["email", "chat", "phone"])
        rows.append([" ".join(words).capitalize() + ".", channel, category])
    write("tickets_text.csv", ["message", "channel", "category"], rows)


def wine_unlabelled():
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "datasets", "wine.csv")
    with open(src, newline="") as f:
        rows = list(csv.reader(f))
    keep = [i for i, name in enumerate(rows[0]) if name != "target"]
    write("wine_unlabelled.csv", [rows[0][i] for i in keep], [[r[i] for i in keep] for r in rows[1:]])


def churn_retention(rng, n=900):
    rows = []
    for _ in range(n):
        tenure = rng.randint(1, 72)
        contract = rng.choices(["month", "one_year", "two_year"], [0.55, 0.25, 0.20])[0]
        charges = round(rng.uniform(20, 120), 2)
        calls = min(9, int(rng.expovariate(0.6)))
        z = -1.2 - 0.04 * tenure + 0.02 * (charges - 70) + 0.4 * calls
        z += {"month": 1.0, "one_year": -0.3, "two_year": -1.4}[contract]
        churned = 1 if rng.random() < 1 / (1 + math.exp(-z)) else 0
        # Offered to customers who asked to leave; the log misses a few, and a few are offered at random.
        agree = rng.random() < 0.96
        offered = churned if agree else 1 - churned
        rows.append([tenure, charges, calls, contract, "offered" if offered else "none", "yes" if churned else "no"])
    write("churn_retention.csv", ["tenure_months", "monthly_charges", "support_calls", "contract", "retention_call", "churned"], rows)


def claims_billed(rng, n=800):
    rows = []
    for _ in range(n):
        age = rng.randint(18, 80)
        vehicle = rng.choice(["city", "family", "suv", "sport"])
        severity = rng.choice(["minor", "moderate", "major"])
        region = rng.choice(["north", "south", "east", "west"])
        base = {"minor": 800, "moderate": 3000, "major": 9000}[severity]
        base *= {"city": 0.8, "family": 1.0, "suv": 1.3, "sport": 1.6}[vehicle]
        base *= 1 + 0.006 * abs(age - 45)
        cost = round(base * rng.lognormvariate(0, 0.35), 2)
        billed = round(cost * rng.uniform(0.95, 1.05), 2)
        rows.append([age, vehicle, severity, region, billed, cost])
    write("claims_billed.csv", ["driver_age", "vehicle", "severity", "region", "billed_amount", "claim_cost"], rows)


def credit_applicants(rng, applicants=360):
    rows = []
    for a in range(applicants):
        income = round(rng.lognormvariate(10.5, 0.5))
        age = rng.randint(21, 70)
        debt_ratio = round(min(1.5, max(0.0, rng.gauss(0.35, 0.2))), 3)
        history = rng.choice(["good", "fair", "poor"])
        # Each applicant has a risk of their own that the fields do not show: it is what rows share.
        hidden = rng.gauss(0, 1.6)
        z = -1.0 + 3.0 * (debt_ratio - 0.35) - 0.5 * (math.log(income) - 10.5) + hidden
        z += {"good": -0.7, "fair": 0.0, "poor": 0.8}[history]
        default = "yes" if rng.random() < 1 / (1 + math.exp(-z)) else "no"
        for _ in range(rng.randint(2, 4)):
            amount = round(rng.uniform(1000, 20000), -2)
            term = rng.choice([12, 24, 36, 48, 60])
            rows.append(["A%05d" % (10000 + a), income, age, debt_ratio, history, amount, term, default])
    rng.shuffle(rows)
    write("credit_applicants.csv", ["applicant_id", "income", "age", "debt_ratio", "history", "amount", "term_months", "defaulted"], rows)


def houses_near_dupes(rng, n=800, copies=96):
    rows = []
    for _ in range(n):
        area = round(rng.uniform(50, 250), 1)
        rooms = max(1, int(area / 30 + rng.gauss(0, 1)))
        lot = round(rng.uniform(100, 2000), 1)
        age = rng.randint(0, 100)
        district = rng.choice(["centre", "suburb", "rural", "coast"])
        price = 1500 * area * {"centre": 1.5, "suburb": 1.0, "rural": 0.6, "coast": 1.3}[district]
        price *= (1 - 0.002 * age) * (1 + lot / 20000) * rng.lognormvariate(0, 0.2)
        rows.append([area, rooms, lot, age, district, round(price, -2)])
    for _ in range(copies):
        r = list(rng.choice(rows[:n]))
        r[2] = round(r[2] + rng.choice([-1, 1]) * rng.uniform(0.1, 1.0), 1)
        rows.append(r)
    rng.shuffle(rows)
    write("houses_near_dupes.csv", ["area_m2", "rooms", "lot_area", "age_years", "district", "price"], rows)


if __name__ == "__main__":
    churn(random.Random(7))
    loans(random.Random(11))
    tickets(random.Random(13))
    wine_unlabelled()
    churn_retention(random.Random(17))
    claims_billed(random.Random(19))
    credit_applicants(random.Random(23))
    houses_near_dupes(random.Random(29))
    print("wrote churn_ids.csv, loans_leak.csv, tickets_text.csv, wine_unlabelled.csv, churn_retention.csv,",
          "claims_billed.csv, credit_applicants.csv, houses_near_dupes.csv into", os.path.normpath(OUT))
