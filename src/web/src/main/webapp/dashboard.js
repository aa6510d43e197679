// Tandem's dashboard: both ledgers, the totals, a transfer form and the live stream of committed events.
// It shows what the signed-in caller's roles allow: the form to tellers, the counters to operators.
'use strict';

const api = 'api';
const $ = selector => document.querySelector(selector);
let roles = [];

async function getJson(path) {
    const response = await fetch(`${api}/${path}`, {headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
}

/** Every item of a list that is answered a page at a time, following its Link rel="next" headers. */
async function getEveryPage(path) {
    const items = [];
    for (let url = `${api}/${path}`; url;) {
        const response = await fetch(url, {headers: {Accept: 'application/json'}});
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        items.push(...await response.json());
        const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('Link') || '');
        url = next ? next[1] : null;
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
        row.append(cell(account.id), cell(account.owner), cell('', 'balance'));
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
    item.dataset.history = [item.dataset.history, transfer.status].filter(Boolean).join(' ');
    status.textContent = transfer.status;
    status.className = `status ${transfer.status}`;
    item.querySelector('.meta').textContent =
        `${transfer.mode.toLowerCase()} · ${transfer.id}` + (transfer.reason ? ` · ${transfer.reason}: ${transfer.detail}` : '');
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
    $('#transfer-form').addEventListener('submit', transfer);
    (await getEveryPage('accounts')).forEach(showAccount);
    await refreshTotals();
    await refreshCounters();
    listen();
}

start().catch(failure => { $('#transfer-result').textContent = `Cannot reach Tandem: ${failure.message}`; });
