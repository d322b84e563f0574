#!/usr/bin/env python3
"""Package dependency cycles among the main sources of one module (Tarjan SCC over imports and fully
qualified names): python3 .ci/package-cycles.py <module-dir>. Prints each cycle; "0 cycle(s)" when none."""
import os, re, sys
from collections import defaultdict
root = os.path.join(sys.argv[1], "src/main/java")
deps = defaultdict(set); pkgs = set(); classes = {}
files = []
for d, _, fs in os.walk(root):
    for f in fs:
        if f.endswith(".java"):
            p = os.path.join(d, f); src = open(p).read()
            m = re.search(r"^package\s+([\w.]+);", src, re.M)
            if not m: continue
            pkg = m.group(1); pkgs.add(pkg); classes[pkg + "." + f[:-5]] = pkg; files.append((pkg, src))
for pkg, src in files:
    for imp in re.findall(r"^import\s+(?:static\s+)?([\w.]+)", src, re.M):
        parts = imp.split(".")
        for i in range(len(parts), 0, -1):
            q = ".".join(parts[:i])
            if q in classes:
                if classes[q] != pkg: deps[pkg].add(classes[q])
                break
    # same-module fully qualified references
    for q, qp in classes.items():
        if qp != pkg and re.search(r"\b" + re.escape(q) + r"\b", src): deps[pkg].add(qp)
# Tarjan SCC
idx = {}; low = {}; st = []; on = set(); out = []; c = [0]
def sc(v):
    idx[v] = low[v] = c[0]; c[0] += 1; st.append(v); on.add(v)
    for w in deps[v]:
        if w not in idx: sc(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], idx[w])
    if low[v] == idx[v]:
        comp = []
        while True:
            w = st.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: out.append(sorted(comp))
sys.setrecursionlimit(10000)
for p in sorted(pkgs):
    if p not in idx: sc(p)
for comp in out:
    print("cycle:", " <-> ".join(comp))
    for a in comp:
        for b in sorted(deps[a] & set(comp)): print("   ", a, "->", b)
print(f"{len(out)} cycle(s) among {len(pkgs)} packages in {sys.argv[1]}")
