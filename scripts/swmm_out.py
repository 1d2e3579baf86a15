"""Reads an EPA SWMM 5 binary results file (.out): object names, pollutant units and any result
value by report period, object kind, object and variable index. Used by the scripts that make
SWMM reference results for the tests (tests/*/data/*/make_references.py)."""
import struct
from pathlib import Path

SUBCATCHMENT, NODE, LINK = 0, 1, 2


class SwmmOut:
    def __init__(self, path: Path):
        self.data = data = Path(path).read_bytes()
        ids_at, props_at, self.results_at, self.periods, _, _ = struct.unpack_from(
            "<6i", data, len(data) - 24)
        _, _, _, n_sub, n_node, n_link, n_poll = struct.unpack_from("<7i", data, 0)
        self.counts = (n_sub, n_node, n_link)
        pos = ids_at
        names = []
        for _ in range(n_sub + n_node + n_link + n_poll):
            (n,) = struct.unpack_from("<i", data, pos)
            names.append(data[pos + 4:pos + 4 + n].decode())
            pos += 4 + n
        self.names = (names[:n_sub], names[n_sub:n_sub + n_node],
                      names[n_sub + n_node:n_sub + n_node + n_link])
        self.pollutants = names[n_sub + n_node + n_link:]
        # 0 = MG/L, 1 = UG/L, 2 = #/L (COUNT)
        self.pollutant_units = list(struct.unpack_from(f"<{n_poll}i", data, pos))
        pos = props_at
        for count in self.counts:  # skip the object properties
            (k,) = struct.unpack_from("<i", data, pos)
            pos += 4 + 4 * k + 4 * k * count
        self.n_vars = []
        for _ in range(4):  # subcatchment, node, link and system variable codes
            (k,) = struct.unpack_from("<i", data, pos)
            self.n_vars.append(k)
            pos += 4 + 4 * k
        self.per_period = 8 + 4 * (sum(c * v for c, v in zip(self.counts, self.n_vars)) +
                                   self.n_vars[3])

    def value(self, period: int, kind: int, index: int, variable: int) -> float:
        """Variable `variable` of object `index` of `kind` at report period `period` (0-based)."""
        at = self.results_at + period * self.per_period + 8
        for k in range(kind):
            at += 4 * self.counts[k] * self.n_vars[k]
        (v,) = struct.unpack_from("<f", self.data, at + 4 * (index * self.n_vars[kind] + variable))
        return v
