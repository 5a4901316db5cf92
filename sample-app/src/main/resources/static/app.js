// The live page of the sample app: polls /actuator/otp and the sample's /api endpoints, draws the
// supervision tree and lets a person crash any process. Plain browser JavaScript, no build step.
'use strict';

const POLL_MS = 750;
const $ = (selector) => document.querySelector(selector);

// ---- small helpers ---------------------------------------------------------------------------

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function el(tag, className, text) {
	const element = document.createElement(tag);
	if (className) element.className = className;
	if (text !== undefined) element.textContent = text;
	return element;
}

function time(instant) {
	return instant ? new Date(instant).toLocaleTimeString([], { hour12: false }) : '';
}

async function getJson(url) {
	const response = await fetch(url, { cache: 'no-store' });
	const body = await response.json().catch(() => null);
	if (!response.ok && !body) throw new Error(url + ': HTTP ' + response.status);
	return { ok: response.ok, status: response.status, body };
}

async function post(url) {
	const response = await fetch(url, { method: 'POST' });
	return { ok: response.ok, status: response.status, body: await response.json().catch(() => null) };
}

let toastTimer;
function toast(message) {
	const box = $('#toast');
	box.textContent = message;
	box.classList.add('show');
	clearTimeout(toastTimer);
	toastTimer = setTimeout(() => box.classList.remove('show'), 3500);
}

// ---- the supervision tree ----------------------------------------------------------------------

// Nodes are kept by name and updated in place, so buttons stay put while the page refreshes.
function reconcile(list, nodes, rootName) {
	const existing = new Map([...list.children].map((li) => [li.dataset.name, li]));
	nodes.forEach((node, index) => {
		let li = existing.get(node.name);
		if (li) existing.delete(node.name);
		else li = createNode(node, node.name === rootName);
		updateNode(li, node, rootName);
		if (list.children[index] !== li) list.insertBefore(li, list.children[index] || null);
	});
	existing.forEach((li) => li.remove());
}

function createNode(node, isRoot) {
	const li = el('li');
	li.dataset.name = node.name;
	const card = el('div', 'node');
	const head = el('div', 'head');
	head.append(el('i', 'dot'), el('span', 'name', node.name), el('span', 'pid'));
	if (node.kind === 'supervisor') head.append(el('span', 'strategy'));
	if (!isRoot) {
		const crash = el('button', 'crash danger', 'crash');
		crash.title = 'POST /api/crash/' + node.name;
		head.append(crash);
	}
	card.append(head, el('div', 'facts'), el('div', 'exit'));
	li.append(card);
	if (node.kind === 'supervisor') li.append(el('ul', 'children'));
	return li;
}

/** How long a card stays marked after its process restarted. */
const RECENT_RESTART_MS = 10000;

function updateNode(li, node, rootName) {
	const card = li.querySelector(':scope > .node');
	const status = (node.status || 'unknown').replace(' ', '-');
	const restarts = node.restartCount ?? 0;
	const previous = li.dataset.restarts;
	card.className = 'node ' + node.kind + ' ' + status;
	// Marked from the server's lastExitAt, not from what this page saw: a refresh keeps the mark.
	const exitedAt = node.lastExitAt ? Date.parse(node.lastExitAt) : NaN;
	card.classList.toggle('recently-restarted', restarts > 0 && Date.now() - exitedAt < RECENT_RESTART_MS);
	if (previous !== undefined && restarts > Number(previous)) {
		card.classList.remove('flash');
		void card.offsetWidth; // restart the animation
		card.classList.add('flash');
	}
	li.dataset.restarts = restarts;
	li.dataset.status = node.status;
	card.querySelector('.dot').className = 'dot ' + status;
	card.querySelector('.pid').textContent = node.pid || '—';
	card.querySelector('.facts').innerHTML = facts(node, node.name === rootName);
	const exit = card.querySelector('.exit');
	exit.textContent = node.lastExitReason ? 'last exit ' + time(node.lastExitAt) + ': ' + node.lastExitReason : '';
	exit.title = node.lastExitReason || '';
	exit.hidden = !node.lastExitReason;
	if (node.kind === 'supervisor') {
		card.querySelector('.strategy').textContent = node.strategy || node.status;
		reconcile(li.querySelector(':scope > ul'), node.children || [], rootName);
	}
}

function facts(node, isRoot) {
	const fact = (label, value, hot) => '<span' + (hot ? ' class="hot"' : '') + '>' + label + ' <b>' + esc(value) + '</b></span>';
	const parts = [];
	if (node.kind === 'supervisor') {
		if (node.maxRestarts != null) {
			parts.push(fact('restarts in window', node.restartsInWindow + ' / ' + node.maxRestarts + ' per ' + node.maxSeconds + ' s',
				node.restartsInWindow > 0));
		}
		if (node.strategy === 'dynamic') parts.push(fact('children', (node.children || []).length + ' / ' + node.maxChildren));
		if (!isRoot) parts.push(fact('restarted', node.restartCount + '×', node.restartCount > 0));
	}
	else {
		parts.push('<span class="restarts">restarts <b>' + esc(node.restartCount) + '</b></span>');
		parts.push(fact('mailbox', node.mailboxDepth ?? '—', node.mailboxDepth > 0));
		parts.push(fact('messages', node.messagesProcessed ?? '—'));
		parts.push(fact('restart', node.restart));
	}
	return parts.join('');
}

function renderTree(tree) {
	$('#tree-state').textContent = 'tree ' + tree.state;
	$('#tree-state').className = 'badge ' + (tree.state === 'RUNNING' ? 'up' : 'down');
	$('#counts').textContent = tree.processes + ' processes · ' + tree.messages + ' messages · '
		+ tree.deadLetters + ' dead letters';
	reconcile($('#tree'), tree.root ? [tree.root] : [], tree.root && tree.root.name);
	renderEvents(tree.recentEvents || []);
}

// Normal exits of temporary search workers are routine: the list shows what a person looks for.
function renderEvents(events) {
	const interesting = events.filter((event) => !(event.type === 'child_exited' && /^(normal|shutdown)$/.test(event.reason)));
	const list = $('#events');
	list.innerHTML = interesting.slice(0, 25).map((event) => '<li><span class="time">' + time(event.at) + '</span>'
		+ '<span class="type ' + esc(event.type) + '">' + esc(event.type.replace('_', ' ')) + '</span> '
		+ '<b>' + esc(event.child) + '</b> under ' + esc(String(event.supervisor).replace(/ <.*>$/, ''))
		+ (event.reason ? ' <span class="reason">— ' + esc(event.reason) + '</span>' : '')
		+ (event.action ? ' → ' + esc(event.action) : '') + '</li>').join('')
		|| '<li class="muted">No restarts yet. Crash something!</li>';
}

$('#tree').addEventListener('click', async (event) => {
	const button = event.target.closest('button.crash');
	if (!button) return;
	const name = button.closest('li').dataset.name;
	button.disabled = true;
	const result = await post('/api/crash/' + encodeURIComponent(name)).catch(() => null);
	button.disabled = false;
	toast(result && result.ok ? 'Crashed ' + name + ' (' + result.body.how + ')'
		: 'Could not crash ' + name + (result && result.body && result.body.detail ? ': ' + result.body.detail : ''));
	refresh();
});

// ---- the services ----------------------------------------------------------------------------

async function renderCounter() {
	const counter = await getJson('/api/counter').catch(() => null);
	$('#counter-value').textContent = counter && counter.ok ? counter.body.value : '…';
}

async function renderPayments() {
	const payments = await getJson('/api/payments').catch(() => null);
	if (!payments || !payments.ok) return;
	$('#balances').innerHTML = Object.entries(payments.body.balances)
		.map(([account, balance]) => '<span class="chip">' + esc(account) + ' <b>' + esc(balance) + '</b></span>').join('');
	$('#sessions').textContent = 'ledger ' + payments.body.ledgerSession + ', gateway ' + payments.body.gatewaySession;
}

async function renderPricing() {
	const pricing = await getJson('/api/pricing').catch(() => null);
	if (!pricing || !pricing.ok) return;
	const euros = (cents) => (cents / 100).toFixed(2);
	$('#prices').innerHTML = Object.entries(pricing.body.prices).map(([item, price]) => {
		const list = pricing.body.listPrices[item];
		return '<span class="chip">' + esc(item) + ' ' + (list !== price ? '<s>' + euros(list) + '</s>' : '') + '<b>' + euros(price) + '</b></span>';
	}).join('');
}

async function renderStats() {
	const stats = await getJson('/api/stats').catch(() => null);
	if (!stats || !stats.ok) return;
	$('#stats').textContent = 'stats (behaviour-style GenServer, ticks every second): up ' + stats.body.uptimeSeconds
		+ ' s, ' + stats.body.searchesLastMinute + ' searches in the last minute';
}

async function renderHealth() {
	const health = await getJson('/actuator/health').catch(() => null);
	const status = health && health.body ? health.body.status : '?';
	$('#health').textContent = 'health ' + status;
	$('#health').className = 'badge ' + (status === 'UP' ? 'up' : 'down');
}

function renderSearch(result) {
	const reports = result.backends.map((report) => '<span class="chip ' + esc(report.outcome) + '" title="'
		+ esc(report.detail || '') + '">' + esc(report.backend) + ': ' + esc(report.outcome.toLowerCase().replace('_', ' ')) + '</span>').join('');
	const answers = result.answers.map((answer) => '<li>' + esc(answer.text) + ' <span class="from">— '
		+ esc(answer.backend) + '</span></li>').join('');
	$('#search-results').innerHTML = '<div class="chips">' + reports + '</div><ul class="answers">'
		+ (answers || '<li class="muted">no answers in time</li>') + '</ul>';
}

$('#search-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const query = new URLSearchParams({ q: $('#search-q').value, timeout: $('#search-timeout').value });
	$('#search-results').innerHTML = '<p class="muted">searching…</p>';
	const result = await getJson('/api/search?' + query).catch(() => null);
	if (result && result.ok) renderSearch(result.body);
	else $('#search-results').innerHTML = '<p class="muted">the search failed' + (result && result.body ? ': ' + esc(result.body.detail) : '') + '</p>';
	refresh();
});

async function act(url, done) {
	const result = await post(url).catch(() => null);
	if (!result || !result.ok) toast(url + ' failed' + (result && result.body && result.body.detail ? ': ' + result.body.detail : ''));
	else if (done) done(result.body);
	refresh();
}

$('#counter-inc').addEventListener('click', () => act('/api/counter/inc'));
$('#counter-dec').addEventListener('click', () => act('/api/counter/dec'));
$('#counter-crash').addEventListener('click', () => act('/api/counter/crash', () => toast('The counter threw inside its process')));
$('#pay').addEventListener('click', () => act('/api/payments?from=alice&to=bob&amount=10'));

// ---- polling -----------------------------------------------------------------------------------

async function refresh() {
	try {
		const tree = await getJson('/actuator/otp');
		renderTree(tree.body);
		$('#connection').textContent = '';
	}
	catch (error) {
		$('#connection').textContent = 'the app does not answer';
	}
	await Promise.all([renderCounter(), renderPayments(), renderPricing(), renderStats(), renderHealth()]);
}

async function poll() {
	await refresh();
	setTimeout(poll, POLL_MS);
}

poll();
