// Tandem's dashboard: both ledgers, the totals, an account's statement, a transfer form, the recent transfers
// followed by the live stream of committed events, and live charts of the transfers by entry point.
// It shows what the signed-in caller's roles allow: the form to tellers, the counters and charts to operators.
'use strict';

const api = 'api';
const $ = selector => document.querySelector(selector);
let roles = [];

async function getJson(path) {
    const response = await fetch(`${api}/${path}`, {headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
}

/** One page of a list the API answers a page at a time: its items, and the URL of the next page or null. */
async function getPage(url) {
    const response = await fetch(url, {headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('Link') || '');
    return {items: await response.json(), next: next ? new URL(next[1], response.url).href : null};
}

/** Every item of such a list, following its Link rel="next" headers. */
async function getEveryPage(path) {
    const items = [];
    for (let url = `${api}/${path}`; url;) {
        const page = await getPage(url);
        items.push(...page.items);
        url = page.next;
    }
    return items;
}

function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
}

function showAccount(account) {
    let row = document.getElementById(`account-${account.id}`);
    if (!row) {
        row = document.createElement('tr');
        row.id = `account-${account.id}`;
        const id = document.createElement('button');
        id.type = 'button';
        id.className = 'account';
        id.textContent = account.id;
        id.title = `The statement of ${account.id}`;
        id.addEventListener('click', () => showStatement(account.id));
        const idCell = cell('');
        idCell.append(id);
        row.append(idCell, cell(account.owner), cell('', 'balance'));
        $(`#ledger-${account.ledger} tbody`).append(row);
        const option = document.createElement('option');
        option.value = account.id;
        $('#account-ids').append(option);
    }
    const balance = `${account.balance} ${account.currency}`;
    const shown = row.querySelector('.balance');
    if (shown.textContent && shown.textContent !== balance) {
        row.classList.remove('changed');
        void row.offsetWidth;
        row.classList.add('changed');
    }
    shown.textContent = balance;
}

function addTerm(list, term, value) {
    const entry = document.createElement('div');
    entry.innerHTML = '<dt></dt><dd></dd>';
    entry.querySelector('dt').textContent = term;
    entry.querySelector('dd').textContent = value;
    list.append(entry);
}

function showSums(list, label, sums) {
    for (const [currency, sum] of Object.entries(sums)) addTerm(list, `${label} ${currency}`, sum);
}

async function refreshTotals() {
    const totals = await getJson('ledgers/totals');
    const list = $('#totals');
    list.replaceChildren();
    showSums(list, 'overall', totals.overall);
    for (const [ledger, sums] of Object.entries(totals.ledgers)) showSums(list, `ledger ${ledger}`, sums);
}

async function refreshCounters() {
    if (!roles.includes('operator')) return;
    const counters = await getJson('transfers/counters');
    const list = $('#counters');
    list.replaceChildren();
    for (const [name, count] of Object.entries(counters)) addTerm(list, name, count);
}

async function refreshAccounts(ids) {
    for (const id of ids) showAccount(await getJson(`accounts/${encodeURIComponent(id)}`));
}

function showTransfer(transfer) {
    let item = document.getElementById(`transfer-${transfer.id}`);
    if (!item) {
        item = document.createElement('li');
        item.id = `transfer-${transfer.id}`;
        item.innerHTML = '<span class="route"></span><span class="amount"></span><span class="status"></span><span class="meta"></span>';
        $('#stream').prepend(item);
    }
    item.querySelector('.route').textContent = `${transfer.from} → ${transfer.to}`;
    item.querySelector('.amount').textContent = `${transfer.amount} ${transfer.currency}`;
    const status = item.querySelector('.status');
    const history = item.dataset.history ? item.dataset.history.split(' ') : [];
    if (history.at(-1) !== transfer.status) item.dataset.history = [...history, transfer.status].join(' ');
    status.textContent = transfer.status;
    status.className = `status ${transfer.status}`;
    item.querySelector('.meta').textContent =
        `${transfer.mode.toLowerCase()} · ${transfer.id}` + (transfer.reason ? ` · ${transfer.reason}: ${transfer.detail}` : '');
}

/** The most recent transfers, before the live stream adds to them. */
async function showRecentTransfers() {
    const recent = await getPage(`${api}/transfers?limit=20`);
    recent.items.reverse().forEach(showTransfer);
}

let statementNext = null;

/** An account's statement, newest first, a page at a time. */
async function showStatement(accountId) {
    $('#statement-account').textContent = accountId;
    $('#statement tbody').replaceChildren();
    $('#statement-section').hidden = false;
    await showStatementPage(`${api}/accounts/${encodeURIComponent(accountId)}/entries?limit=20`);
}

async function showStatementPage(url) {
    const page = await getPage(url);
    for (const entry of page.items) {
        const row = document.createElement('tr');
        const transfer = cell(entry.opening ? 'opening balance' : `${entry.transfer.slice(0, 8)}…`, 'transfer');
        if (!entry.opening) {
            transfer.title = entry.transfer;
            row.dataset.transfer = entry.transfer;
        }
        // sv-SE writes local time as 2026-12-05 06:30:00
        row.append(cell(new Date(entry.postedAt).toLocaleString('sv-SE')), cell(entry.amount, 'number'),
            cell(entry.balanceAfter, 'number'), transfer);
        $('#statement tbody').append(row);
    }
    statementNext = page.next;
    $('#statement-more').hidden = !statementNext;
}

// The charts read the operators' metrics (Prometheus text, GET /metrics) every few seconds: per entry point, the
// transfers counted and their summed seconds since the last reading give the rate and the mean latency.
const ENTRY_POINTS = [
    {key: 'rest-sync', label: 'REST sync', meters: [['tandem_transfers_seconds', 'rest']]},
    {key: 'rest-async', label: 'REST async (acceptance)', meters: [['tandem_acceptances_seconds', 'rest']]},
    {key: 'ejb', label: 'EJB', meters: [['tandem_transfers_seconds', 'ejb'], ['tandem_acceptances_seconds', 'ejb']]},
    {key: 'queue', label: 'queue', meters: [['tandem_transfers_seconds', 'queue']]},
];
const CHART_SECONDS = 300;
const READING_MILLIS = 3000;
const readings = [];

/** Per entry point, the count and the summed seconds of its timers in a Prometheus text exposition. */
function totalsByEntryPoint(exposition) {
    const totals = Object.fromEntries(ENTRY_POINTS.map(point => [point.key, {count: 0, seconds: 0}]));
    for (const line of exposition.split('\n')) {
        const sample = /^(\w+)_(count|sum)\{([^}]*)\}\s+(\S+)/.exec(line);
        if (!sample) continue;
        const entry = /(?:^|,)entry="([^"]*)"/.exec(sample[3]);
        for (const point of ENTRY_POINTS) {
            if (entry && point.meters.some(([meter, tag]) => meter === sample[1] && tag === entry[1])) {
                totals[point.key][sample[2] === 'count' ? 'count' : 'seconds'] += Number(sample[4]);
            }
        }
    }
    return totals;
}

async function readMetrics() {
    const response = await fetch(`${api}/metrics`);
    if (!response.ok) return;
    const reading = {at: Date.now(), totals: totalsByEntryPoint(await response.text())};
    const previous = readings.at(-1);
    readings.push(reading);
    while (readings.length && readings[0].at < reading.at - CHART_SECONDS * 1000) readings.shift();
    if (previous) reading.change = ENTRY_POINTS.map(point => {
        const now = reading.totals[point.key];
        // a server restart starts the counts again from zero
        const before = now.count < previous.totals[point.key].count ? {count: 0, seconds: 0} : previous.totals[point.key];
        const count = now.count - before.count;
        const seconds = now.seconds - before.seconds;
        return {key: point.key, rate: count / ((reading.at - previous.at) / 1000), latency: count > 0 ? 1000 * seconds / count : null};
    });
    drawChart('#chart-rate', 'rate', rate => `${rate.toFixed(1)}/s`);
    drawChart('#chart-latency', 'latency', latency => latency === null ? '–' : `${Math.round(latency)} ms`);
}

function drawChart(selector, measure, format) {
    const changes = readings.filter(reading => reading.change);
    const now = Date.now();
    const highest = Math.max(1, ...changes.flatMap(reading => reading.change.map(change => change[measure] ?? 0)));
    const svg = $(`${selector} svg`);
    const legend = $(`${selector} .legend`);
    svg.replaceChildren();
    legend.replaceChildren();
    $(`${selector} .scale`).textContent = `top ${format(highest)}`;
    ENTRY_POINTS.forEach((point, index) => {
        const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
        line.setAttribute('class', `series-${index}`);
        line.setAttribute('points', changes.filter(reading => reading.change[index][measure] !== null).map(reading => {
            const x = 300 - (now - reading.at) / 1000 / CHART_SECONDS * 300;
            const y = 98 - reading.change[index][measure] / highest * 94;
            return `${x.toFixed(1)},${y.toFixed(1)}`;
        }).join(' '));
        svg.append(line);
        const latest = changes.at(-1)?.change[index][measure] ?? null;
        const item = document.createElement('li');
        item.dataset.entryPoint = point.key;
        item.className = `series-${index}`;
        item.innerHTML = '<span class="label"></span> <span class="value"></span>';
        item.querySelector('.label').textContent = point.label;
        item.querySelector('.value').textContent = measure === 'rate' && latest === null ? '–' : format(latest);
        legend.append(item);
    });
}

function listen() {
    const stream = new EventSource(`${api}/transfers/events`);
    const state = $('#stream-state');
    stream.onopen = () => { state.textContent = 'live'; state.className = 'state live'; };
    stream.onerror = () => { state.textContent = 'reconnecting'; state.className = 'state offline'; };
    for (const kind of ['accepted', 'completed', 'rejected']) {
        stream.addEventListener(kind, async event => {
            const transfer = JSON.parse(event.data);
            showTransfer(transfer);
            if (kind === 'completed') {
                await refreshAccounts([transfer.from, transfer.to]);
                await refreshTotals();
            }
            await refreshCounters();
        });
    }
}

async function transfer(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const id = crypto.randomUUID();
    const queued = form.get('mode') === 'async';
    const result = $('#transfer-result');
    result.dataset.transferId = id;
    result.textContent = 'Sending…';
    const response = await fetch(`${api}/transfers`, {
        method: 'POST',
        headers: Object.assign({'Content-Type': 'application/json', Accept: 'application/json'},
            queued ? {Prefer: 'respond-async'} : {}),
        body: JSON.stringify({id, from: form.get('from').trim(), to: form.get('to').trim(),
            amount: form.get('amount').trim(), currency: form.get('currency').trim().toUpperCase()})
    });
    const body = await response.json();
    result.textContent = body.status && !body.type
        ? `${body.status}: ${body.from} → ${body.to}, ${body.amount} ${body.currency}` + (queued ? ' (queued)' : '')
        : `${response.status} ${body.title}: ${body.detail ?? ''}`;
    if (response.status === 201) await refreshAccounts([body.from, body.to]);
}

async function start() {
    const caller = await getJson('caller');
    roles = caller.roles;
    $('#caller').textContent = `${caller.name} (${roles.join(', ')})`;
    $('#transfer-section').hidden = !roles.includes('teller');
    $('#counters').hidden = !roles.includes('operator');
    $('#activity-section').hidden = !roles.includes('operator');
    $('#transfer-form').addEventListener('submit', transfer);
    $('#statement-more').addEventListener('click', () => showStatementPage(statementNext));
    (await getEveryPage('accounts')).forEach(showAccount);
    await refreshTotals();
    await refreshCounters();
    await showRecentTransfers();
    listen();
    if (roles.includes('operator')) {
        await readMetrics();
        setInterval(() => readMetrics().catch(() => {}), READING_MILLIS);
    }
}

start().catch(failure => { $('#transfer-result').textContent = `Cannot reach Tandem: ${failure.message}`; });
