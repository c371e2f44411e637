"""The same report in pandas, for `npm run bench -- cli`: read the campaign CSV (numbers and
dates), sum every measure per channel and per month, divide the sums into the KPIs (sum, then
divide, as Mizan does), write JSON. Prints its peak memory (max RSS, KB) as its last line.

Usage: python3 bench/pandas_report.py campaigns.csv report.json
"""
import json
import resource
import sys

import pandas as pd

MEASURES = ["Cost", "Impressions", "Clicks", "Sessions", "Conversions", "Leads", "Orders",
            "Revenue", "New customers", "Engagements", "Visitors"]


def kpis(s):
    div = lambda a, b: (s[a] / s[b]) if s[b] else None  # noqa: E731
    return {"CTR": div("Clicks", "Impressions"), "CPC": div("Cost", "Clicks"),
            "CPM": (1000 * s["Cost"] / s["Impressions"]) if s["Impressions"] else None,
            "CVR": div("Conversions", "Clicks"), "CPA": div("Cost", "Conversions"),
            "ROAS": div("Revenue", "Cost"), "AOV": div("Revenue", "Orders"),
            "CPL": div("Cost", "Leads"), "CAC": div("Cost", "New customers")}


def table(frame):
    return {str(k): {"measures": row.to_dict(), "kpis": kpis(row)} for k, row in frame.iterrows()}


def main(src, out):
    df = pd.read_csv(src, parse_dates=["Date"])
    total = df[MEASURES].sum()
    report = {
        "totals": {"measures": total.to_dict(), "kpis": kpis(total)},
        "groups": table(df.groupby("Channel")[MEASURES].sum()),
        "periods": table(df.groupby(df["Date"].dt.to_period("M"))[MEASURES].sum()),
    }
    with open(out, "w") as f:
        json.dump(report, f, default=float)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
