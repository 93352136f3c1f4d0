#!/usr/bin/env python3
"""Generates the synthetic datasets of the evaluation suite (evals/data/), seeded, standard library only.

- churn_ids.csv: customer churn with a `customer_id` column (unique, meaningless) the assistant must ignore.
- loans_leak.csv: loan default with `recovery_status`, a disguised copy of the target (it is only known
  after a default), which the assistant must notice and leave out.
- tickets_text.csv: support tickets whose free-text `message` carries the category (a text task).
- wine_unlabelled.csv: datasets/wine.csv without its `target` column (a clustering task, no label).

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


if __name__ == "__main__":
    churn(random.Random(7))
    loans(random.Random(11))
    tickets(random.Random(13))
    wine_unlabelled()
    print("wrote churn_ids.csv, loans_leak.csv, tickets_text.csv, wine_unlabelled.csv into", os.path.normpath(OUT))
