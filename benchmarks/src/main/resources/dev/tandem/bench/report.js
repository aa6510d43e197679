// Draws bench.html's charts from the run's JSON (the constant `bench`), with Chart.js.
const ENTRANCES = {SYNC_REST: 'sync REST', SYNC_EJB: 'sync EJB', ASYNC_REST: 'async REST', ASYNC_JMS: 'async JMS',
                   FLOOR_XA: 'floor XA (2 DBs + JMS)', FLOOR_XA_GROUPED: 'floor XA, group commit', FLOOR_LOCAL: 'floor local (1 DB)'};
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const at = bench.ratios.clients;
const find = (entrance, accounts, ledgers, clients) => bench.points.find(p =>
    p.entrance === entrance && p.accounts === accounts && p.ledgers === ledgers && p.clients === clients);
const headline = (entrance) => find(entrance, 'UNIFORM', entrance === 'FLOOR_LOCAL' ? 'SAME' : 'CROSS', at);
const present = Object.keys(ENTRANCES).filter(e => headline(e));
const bar = (id, labels, datasets, options = {}) => new Chart(document.getElementById(id),
    {type: 'bar', data: {labels, datasets}, options: {animation: false, ...options}});
const number = (v) => v === undefined ? '-' : (typeof v === 'number' ? v.toFixed(2) : v);

const r = bench.ratios;
document.getElementById('summary').innerHTML =
    `<p>${bench.finished}; ${bench.machine.cores} cores, ${bench.machine.memoryGiB} GiB, ${bench.machine.cpu}; ${bench.machine.java};
     ${bench.versions}. Durability: ${bench.durability.comparable ? 'every setting durable' : 'WEAKENED: ' + bench.durability.weakened.join(', ')}.
     Floor check ${bench.floorCheck.holds ? 'holds' : 'FAILED'}; Tandem's invariants ${bench.verification.consistent ? 'hold' : 'BROKEN'}.</p>
     <table><tr><th>ratio (${at} clients)</th><th>value</th></tr>
     <tr><td>P1 = sync REST ÷ floor XA</td><td>${number(r.P1)}</td></tr>
     <tr><td>P2 = async JMS ÷ floor local</td><td>${number(r.P2)}</td></tr>
     <tr><td>floor XA with group commit ÷ floor XA / ÷ floor local</td><td>${number(r.groupCommit.overFloorXa)} / ${number(r.groupCommit.overFloorLocal)}</td></tr>
     <tr><td>P3 = async JMS ÷ sync REST</td><td>${number(r.P3.throughput)}</td></tr>
     <tr><td>acceptance p99 ms: 202 / JMS send</td><td>${number(r.P3.acceptanceP99MsRest)} / ${number(r.P3.acceptanceP99MsJms)}</td></tr>
     <tr><td>P4 = WildFly ÷ Payara</td><td>${number(r.P4)}</td></tr>
     <tr><td>one pair: sync / async transfers/s</td><td>${number(r.hotAccount.syncPerSecond)} / ${number(r.hotAccount.asyncPerSecond)}</td></tr></table>`;

const clients = [...new Set(bench.points.map(p => p.clients))].sort((a, b) => a - b);
new Chart(document.getElementById('throughput'), {type: 'line', options: {animation: false,
        scales: {x: {title: {display: true, text: 'clients'}}, y: {title: {display: true, text: 'transfers/s'}, beginAtZero: true}}},
    data: {labels: clients, datasets: present.map((e, i) => ({label: ENTRANCES[e], borderColor: COLOURS[i], backgroundColor: COLOURS[i],
        data: clients.map(c => (find(e, 'UNIFORM', e === 'FLOOR_LOCAL' ? 'SAME' : 'CROSS', c) || {}).throughput ?? null)}))}});

bar('latency', present.map(e => ENTRANCES[e]), ['p50', 'p95', 'p99'].map((q, i) => ({label: q, backgroundColor: COLOURS[i],
    data: present.map(e => headline(e).latencyMs?.[q] ?? null)})), {scales: {y: {title: {display: true, text: 'ms'}}}});

const async = present.filter(e => e.startsWith('ASYNC'));
bar('async', async.map(e => ENTRANCES[e]), [
    {label: 'accepted, p99', backgroundColor: COLOURS[0], data: async.map(e => headline(e).acceptanceMs?.p99 ?? null)},
    {label: 'settled, p99', backgroundColor: COLOURS[1], data: async.map(e => headline(e).latencyMs?.p99 ?? null)},
    {label: 'sync REST, p99', backgroundColor: COLOURS[2], data: async.map(() => headline('SYNC_REST')?.latencyMs?.p99 ?? null)}],
    {scales: {y: {title: {display: true, text: 'ms'}}}});

const choices = [['UNIFORM', 'CROSS', 'uniform, cross-ledger'], ['UNIFORM', 'SAME', 'uniform, same-ledger'],
                 ['ZIPF', 'CROSS', 'Zipf-skewed'], ['PAIR', 'CROSS', 'one pair']];
bar('choice', present.map(e => ENTRANCES[e]), choices.map(([accounts, ledgers, label], i) => ({label, backgroundColor: COLOURS[i],
    data: present.map(e => (find(e, accounts, ledgers, at) || (accounts === 'UNIFORM' && ledgers !== 'PAIR' ? headline(e) : {})).throughput ?? null)})),
    {scales: {y: {title: {display: true, text: 'transfers/s'}}}});

const processes = [...new Set(present.flatMap(e => Object.keys(headline(e).cpuMsPerTransfer)))];
bar('cpu', present.map(e => ENTRANCES[e]), processes.map((process, i) => ({label: process, backgroundColor: COLOURS[i],
    data: present.map(e => headline(e).cpuMsPerTransfer[process] ?? 0)})),
    {scales: {x: {stacked: true}, y: {stacked: true, title: {display: true, text: 'CPU ms per transfer'}}}});
