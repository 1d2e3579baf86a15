#!/usr/bin/env python3
"""Writes the small LID reference models (one per LID type, one mixed) as .inp files here.
Run make_references.py afterwards to run EPA SWMM 5.2.4 on them."""
from pathlib import Path

HERE = Path(__file__).resolve().parent

HEAD = """[TITLE]
{title}

[OPTIONS]
FLOW_UNITS {flow_units}
INFILTRATION HORTON
FLOW_ROUTING DYNWAVE
START_DATE 06/01/2020
START_TIME 00:00:00
REPORT_START_DATE 06/01/2020
REPORT_START_TIME 00:00:00
END_DATE 06/02/2020
END_TIME 00:00:00
DRY_DAYS 2
WET_STEP 00:01:00
DRY_STEP 00:05:00
ROUTING_STEP 0:01:00
REPORT_STEP 01:00:00

[EVAPORATION]
CONSTANT {evap}

[RAINGAGES]
G1 INTENSITY 0:10 1.0 TIMESERIES STORM

[TIMESERIES]
{storm}
[JUNCTIONS]
J1 10 2
J2 10 2

[OUTFALLS]
O1 8 FREE
O2 8 FREE

[CONDUITS]
C1 J1 O1 100 0.013 0 0
C2 J2 O2 100 0.013 0 0

[XSECTIONS]
C1 CIRCULAR 1 0 0 0
C2 CIRCULAR 1 0 0 0

[SUBCATCHMENTS]
{subcatchments}
[SUBAREAS]
{subareas}
[INFILTRATION]
{infiltration}
[LID_CONTROLS]
{controls}
[LID_USAGE]
{usage}
{extra}[REPORT]
SUBCATCHMENTS ALL
"""

# name: (subcatchment lines, subarea lines, infiltration, controls, usage)
S1 = "S1 G1 J1 1 50 100 2 0\n"
A1 = "S1 0.015 0.15 1.5 4 25 OUTLET\n"
I1 = "S1 40 4 4 7 0\n"

MODELS = {
    "bc": ("bio-retention cell with underdrain, treating all impervious runoff", S1, A1, I1,
           "BC1 BC\nBC1 SURFACE 150 0.1 0.1 1 5\nBC1 SOIL 500 0.5 0.2 0.1 50 10 80\n"
           "BC1 STORAGE 300 0.75 5 0\nBC1 DRAIN 2.0 0.5 50 0\n",
           "S1 BC1 2 300 15 20 100 0\n"),
    "rg": ("rain garden (no storage layer) taking half the impervious runoff", S1, A1, I1,
           "RG1 RG\nRG1 SURFACE 200 0.05 0.1 1 5\nRG1 SOIL 400 0.45 0.15 0.08 20 8 100\n",
           "RG1_USE_PLACEHOLDER"),
    "gr": ("green roof covering the whole subcatchment", "S1 G1 J1 0.5 100 50 2 0\n",
           "S1 0.015 0.15 1.5 4 25 OUTLET\n", "S1 40 4 4 7 0\n",
           "GR1 GR\nGR1 SURFACE 30 0 0.1 2 5\nGR1 SOIL 100 0.5 0.25 0.1 100 10 50\n"
           "GR1 DRAINMAT 30 0.5 0.1\n",
           "S1 GR1 1 5000 70 10 0 0\n"),
    "it": ("infiltration trench with underdrain, treating all impervious runoff", S1, A1, I1,
           "IT1 IT\nIT1 SURFACE 100 0 0.1 1 5\nIT1 STORAGE 1000 0.6 3 0\n"
           "IT1 DRAIN 1.5 0.5 200 0\n",
           "S1 IT1 1 400 20 0 100 0\n"),
    "pp": ("permeable pavement with storage and underdrain, outflow returned to the pervious area",
           S1, A1, I1,
           "PP1 PP\nPP1 SURFACE 5 0 0.02 1 5\nPP1 PAVEMENT 100 0.15 0 200 0\n"
           "PP1 STORAGE 300 0.6 2 0\nPP1 DRAIN 1.0 0.5 100 0\n",
           "S1 PP1 1 1500 40 0 60 1\n"),
    "rb": ("rain barrels draining 6 h after rain to a node of their own", S1, A1, I1,
           "RB1 RB\nRB1 STORAGE 1200 0.75 0 0\nRB1 DRAIN 5 0.5 0 6\n",
           "S1 RB1 20 2 1.5 0 40 0 * J2\n"),
    "rd": ("rooftop disconnection with a limited roof drain", S1, A1, I1,
           "RD1 RD\nRD1 SURFACE 2 0 0.015 2 0\nRD1 DRAIN 10 0 0 0\n",
           "S1 RD1 1 2000 40 0 0 0\n"),
    "mixed": ("two subcatchments: BC and PP upstream draining to a subcatchment with rain barrels",
              "S1 G1 S2 2 60 150 2 0\nS2 G1 J1 1 40 100 1.5 0\n",
              "S1 0.015 0.15 1.5 4 25 OUTLET\nS2 0.012 0.2 2 5 10 PERVIOUS 50\n",
              "S1 40 4 4 7 0\nS2 60 6 3 5 0\n",
              "BC1 BC\nBC1 SURFACE 150 0.1 0.1 1 5\nBC1 SOIL 500 0.5 0.2 0.1 50 10 80\n"
              "BC1 STORAGE 300 0.75 5 0\nBC1 DRAIN 2.0 0.5 50 0\n"
              "PP1 PP\nPP1 SURFACE 5 0 0.02 1 5\nPP1 PAVEMENT 100 0.15 0 200 0\n"
              "PP1 STORAGE 300 0.6 2 0\nPP1 DRAIN 1.0 0.5 100 0\n"
              "RB1 RB\nRB1 STORAGE 1200 0.75 0 0\nRB1 DRAIN 5 0.5 0 6\n",
              "S1 BC1 3 300 15 20 60 0 * * 30\nS1 PP1 1 2000 40 0 30 0 * S2\n"
              "S2 RB1 10 2 1.5 50 30 0\n"),
}


# Vegetative swales (a 100 m x 5 m swale, 0.3 m deep, side slope 4) on a Horton and on a
# Green-Ampt subcatchment, and a bio-retention cell whose drain a CONTROL curve throttles:
# name -> (title, subcatchments, subareas, infiltration, controls, usage, infiltration model,
# extra sections)
SWALES_AND_CURVES = {
    "vs": ("vegetative swale taking all impervious runoff (Horton soil)", S1, A1, I1,
           "VS1 VS\nVS1 SURFACE 300 0.2 0.24 1.0 4\n", "S1 VS1 1 500 5 0 100 0\n", "HORTON", ""),
    "vsga": ("two vegetative swales on a Green-Ampt subcatchment, outflow to the pervious area",
             S1, A1, "S1 100 10 0.3\n",
             "VS2 VS\nVS2 SURFACE 200 0.1 0.2 0.5 3\n", "S1 VS2 2 200 4 0 60 1\n",
             "GREEN_AMPT", ""),
    "bccurve": ("bio-retention cell whose underdrain a control curve throttles", S1, A1, I1,
                "BC3 BC\nBC3 SURFACE 150 0.1 0.1 1 5\nBC3 SOIL 500 0.5 0.2 0.1 50 10 80\n"
                "BC3 STORAGE 300 0.75 5 0\nBC3 DRAIN 2.0 0.5 50 0 0 0 DC1\n",
                "S1 BC3 2 300 15 20 100 0\n", "HORTON",
                "[CURVES]\nDC1 CONTROL 0 0.2\nDC1 100 0.5\nDC1 400 1.0\n\n"),
}


# storm intensities (mm/h) every 10 minutes: 26 mm in 100 minutes
STORM_MM = [0, 6, 12, 30, 55, 25, 14, 8, 4, 2, 0]


def storm(scale):
    return "".join(f"STORM {k // 6}:{k % 6}0 {v * scale:g}\n" for k, v in enumerate(STORM_MM))


# US units (CFS: in, in/hr, acres, ft² per unit, ft): pavement over a soil layer, a drain with
# opening and closing heads, covered rain barrels and a green roof on part of the area
US_MODEL = ("US units: bio-retention with Hopen/Hclose, pavement over soil, covered barrels, "
            "partial green roof",
            "S1 G1 J1 5 40 300 1.5 0\n", "S1 0.015 0.15 0.06 0.15 25 OUTLET\n",
            "S1 1.5 0.15 4 7 0\n",
            "BC2 BC\nBC2 SURFACE 6 0.1 0.1 1 5\nBC2 SOIL 18 0.5 0.2 0.1 2 10 3.5\n"
            "BC2 STORAGE 12 0.75 0.2 0\nBC2 DRAIN 0.5 0.5 2 0 6 2\n"
            "PP2 PP\nPP2 SURFACE 0.2 0 0.02 1 5\nPP2 PAVEMENT 4 0.15 0.1 50 0\n"
            "PP2 SOIL 6 0.45 0.2 0.1 3 8 3\nPP2 STORAGE 10 0.6 0.1 0\nPP2 DRAIN 0.3 0.5 1 0\n"
            "RB2 RB\nRB2 STORAGE 48 0.75 0 0 YES\nRB2 DRAIN 0.2 0.5 0 6\n"
            "GR2 GR\nGR2 SURFACE 1 0 0.1 2 5\nGR2 SOIL 4 0.5 0.25 0.1 4 10 2\n"
            "GR2 DRAINMAT 1 0.5 0.1\n",
            "S1 BC2 2 3000 50 20 50 0\nS1 PP2 1 10000 100 0 30 0\nS1 RB2 10 25 5 0 20 0\n"
            "S1 GR2 1 8000 80 10 0 0\n")


def main():
    models = dict(MODELS, us=US_MODEL)
    models = {k: v + ("HORTON", "") for k, v in models.items()}
    models.update(SWALES_AND_CURVES)
    for name, (title, subs, areas, infil, controls, usage, infil_model, extra) in models.items():
        if usage == "RG1_USE_PLACEHOLDER":
            usage = "S1 RG1 4 150 10 0 50 0\n"
        us = name == "us"
        text = HEAD.format(title=title, subcatchments=subs, subareas=areas,
                           infiltration=infil, controls=controls, usage=usage,
                           flow_units="CFS" if us else "CMS", extra=extra,
                           storm=storm(3 / 25.4 if us else 1), evap=0.2 if us else 5.0)
        text = text.replace("INFILTRATION HORTON", "INFILTRATION " + infil_model)
        (HERE / f"{name}.inp").write_text(text)


if __name__ == "__main__":
    main()
