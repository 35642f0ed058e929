# Linkage check behind docs/compatibility.md: lists every org.keycloak method/field reference of the compiled
# classes that does not resolve (through superclasses and interfaces) in a Keycloak distribution's jars.
# Not part of the test command. Needs python3 and the JDK's javap. Usage, after `mvn -B -DskipTests package`:
#   unzip -q ~/.m2/repository/org/keycloak/keycloak-quarkus-dist/26.4.7/keycloak-quarkus-dist-26.4.7.zip -d /tmp/kc
#   python3 .ci/linkcheck.py authenticator/target/classes /tmp/kc/keycloak-26.4.7/lib/lib/main
import subprocess, sys, re, os, glob
classes_dir, libdir = sys.argv[1], sys.argv[2]
jars = glob.glob(os.path.join(libdir, '*.jar'))
cp = ':'.join(jars)
refs = set()
for root, _, files in os.walk(classes_dir):
    for f in files:
        if f.endswith('.class'):
            out = subprocess.run(['javap', '-v', os.path.join(root, f)], capture_output=True, text=True).stdout
            for m in re.finditer(r'= (Methodref|InterfaceMethodref|Fieldref)\s+\S+\s+// (?:"?)([\w/$]+)\."?([\w<>$]+)"?:(\S+)', out):
                kind, owner, name, desc = m.groups()
                if owner.startswith('org/keycloak/'):
                    refs.add((kind, owner, name, desc))
cache = {}
def members(cls):
    if cls in cache: return cache[cls]
    r = subprocess.run(['javap', '-p', '-s', '-cp', cp, cls.replace('/', '.')], capture_output=True, text=True)
    if r.returncode != 0:
        cache[cls] = None; return None
    lines = r.stdout.splitlines()
    header = next((l for l in lines if re.search(r'\b(class|interface)\b', l)), '')
    supers = []
    m = re.search(r'extends ([\w.$<>, ?]+?)(?: implements|\s*\{)', header)
    ext = []
    if m: ext += [x.strip() for x in re.sub(r'<[^>]*>', '', m.group(1)).split(',')]
    m = re.search(r'implements ([\w.$<>, ?]+?)\s*\{', header)
    if m: ext += [x.strip() for x in re.sub(r'<[^>]*>', '', m.group(1)).split(',')]
    sigs = set(); prev = None
    for l in lines:
        l = l.strip()
        if l.startswith('descriptor:') and prev is not None:
            nm = re.search(r'([\w$<>]+)\(', prev) or re.search(r'([\w$]+);$', prev)
            if nm:
                n = nm.group(1)
                if '(' in prev and n.split('.')[-1] == cls.split('/')[-1].split('$')[-1]: n = '<init>'
                sigs.add((n, l.split(':', 1)[1].strip()))
        prev = l
    cache[cls] = (sigs, [e.replace('.', '/') for e in ext if e])
    return cache[cls]
def resolves(owner, name, desc, seen=None):
    seen = seen or set()
    if owner in seen: return False
    seen.add(owner)
    if not owner.startswith('org/keycloak/'): return True  # JDK/jakarta: not our concern here
    m = members(owner)
    if m is None: return False
    sigs, supers = m
    if (name, desc) in sigs: return True
    return any(resolves(s, name, desc, seen) for s in supers)
bad = [r for r in sorted(refs) if not resolves(r[1], r[2], r[3])]
print(f"{len(refs)} org.keycloak member references; unresolved: {len(bad)}")
for b in bad: print('  ', *b)
