#!/usr/bin/env python3
"""Reader of EPA SWMM 5.2's binary results file (.out), standard library only.

Layout as SWMM's src/solver/output.c writes it (little-endian, 4-byte integers and floats): a
header of 7 integers (magic 516114522, version, flow units, subcatchment, node, link and
pollutant counts), the object names (length + bytes), properties and variable codes, then per
reporting period a float64 date and float32 values (subcatchments x their variables, nodes x
6 + pollutants, links x 5 + pollutants, the system's 15), and at the end six integers: the
positions of the names, properties and results, the period count, the error code, the magic.

Node variables: depth, head, volume, lateral inflow, total inflow, flooding; link variables:
flow, depth, velocity, volume, capacity (the model's units: ft, ft³, cfs for US flow units).

  from swmm_out import read_out
  r = read_out("model.out")   # r["nodes"], r["links"], r["node"][k][i][v], r["link"][k][j][v]
"""
import struct
import sys

MAGIC = 516114522
NODE_VARS = ("depth", "head", "volume", "lateral_inflow", "total_inflow", "flooding")
LINK_VARS = ("flow", "depth", "velocity", "volume", "capacity")


def read_out(path):
    b = open(path, "rb").read()
    ids_at, _, results_at, periods, error, magic = struct.unpack_from("<6i", b, len(b) - 24)
    if magic != MAGIC or struct.unpack_from("<i", b, 0)[0] != MAGIC:
        raise ValueError(f"{path}: not a SWMM 5 results file")
    if error:
        raise ValueError(f"{path}: SWMM ended with error {error}")
    _, version, units, nsub, nnode, nlink, npol = struct.unpack_from("<7i", b, 0)
    names, at = [], ids_at
    for _ in range(nsub + nnode + nlink + npol):
        n = struct.unpack_from("<i", b, at)[0]
        names.append(b[at + 4:at + 4 + n].decode())
        at += 4 + n
    per_period = (len(b) - 24 - results_at) // periods
    nvals = (per_period - 8) // 4
    nsv, nnv, nlv = 8 + npol, 6 + npol, 5 + npol
    if nvals != nsub * nsv + nnode * nnv + nlink * nlv + 15:
        raise ValueError(f"{path}: {nvals} values per period do not fit the object counts")
    out = {"version": version, "flow_units": units, "subcatchments": names[:nsub],
           "nodes": names[nsub:nsub + nnode], "links": names[nsub + nnode:nsub + nnode + nlink],
           "date": [], "node": [], "link": [], "system": []}
    for k in range(periods):
        at = results_at + k * per_period
        out["date"].append(struct.unpack_from("<d", b, at)[0])
        v = struct.unpack_from(f"<{nvals}f", b, at + 8)
        base = nsub * nsv
        out["node"].append([v[base + i * nnv:base + (i + 1) * nnv] for i in range(nnode)])
        base += nnode * nnv
        out["link"].append([v[base + j * nlv:base + (j + 1) * nlv] for j in range(nlink)])
        out["system"].append(v[base + nlink * nlv:])
    return out


if __name__ == "__main__":
    r = read_out(sys.argv[1])
    print(f"{len(r['date'])} periods, {len(r['nodes'])} nodes, {len(r['links'])} links")
