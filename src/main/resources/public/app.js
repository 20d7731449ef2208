/*
 * NutriSearch search page: search as you type, autocomplete, nutrient filters, Ask mode and the
 * article view, all driven by the URL so results can be linked and the back button works.
 *
 * Safety rule: text from the API is put into the page with textContent only. The one exception is a
 * result's `snippet`, which the server escapes before adding its <mark> tags (see setSnippet).
 */
(function () {
  'use strict';

  const PAGE_SIZE = 10;
  const DEBOUNCE_MS = 150;
  /**
   * While typing, results come from the words alone (mode=lexical: a new query per keystroke would
   * otherwise be embedded each time, several milliseconds of server CPU each); once typing pauses this
   * long, or on Enter, the same query is searched in the server's default mode (by meaning too).
   */
  const SETTLE_MS = 600;
  /** Shorter queries wait for Enter: one letter matches little and flickers the page. */
  const MIN_LIVE_CHARS = 2;
  const MAX_SUGGESTIONS = 8;
  /** Nutrient chips shown before "more"; the rest (fewer matches each) wait behind a button. */
  const CHIP_LIMIT = 8;

  /** Each nutrient's colour slot (style.css defines .nc-0 … .nc-15); unknown ids get a slot by hash. */
  const NUTRIENT_SLOTS = {
    'magnesium': 0, 'potassium': 1, 'calcium': 2, 'sodium': 3, 'iron': 4, 'zinc': 5, 'phosphorus': 6,
    'vitamin-d': 7, 'vitamin-b12': 8, 'vitamin-b1': 9, 'vitamin-b6': 10, 'vitamin-b9': 11,
    'vitamin-k2': 12, 'vitamin-c': 13, 'b-vitamins': 14
  };
  const SLOT_COUNT = 16;

  const KIND_BADGES = { faq: 'FAQ', section: 'Section', table: 'Table', summary: 'Summary', keypoint: 'Key point' };
  const KIND_FACETS = { faq: 'FAQ', section: 'Sections', table: 'Table rows', summary: 'Summaries', keypoint: 'Key points' };

  const DECLINE_REASONS = {
    no_match: 'The articles do not seem to cover this question.',
    low_confidence: 'The articles touch on this, but no passage answers it clearly enough to quote as the answer.',
    ambiguous: 'The question could be read in more than one way, and the articles answer the readings differently.'
  };

  const $ = (id) => document.getElementById(id);
  const el = {
    form: $('search-form'), input: $('q'), submit: $('submit'), hint: $('q-hint'),
    modeSearch: $('mode-search'), modeAsk: $('mode-ask'), suggestions: $('suggestions'),
    status: $('status'), error: $('error'), errorText: $('error-text'), retry: $('retry'),
    intro: $('intro'), searchView: $('search-view'), askView: $('ask-view'), articleView: $('article-view'),
    didYouMean: $('did-you-mean'), didYouMeanLink: $('did-you-mean-link'),
    nutrientGroup: $('nutrient-facets-group'), nutrientChips: $('nutrient-facets'),
    kindGroup: $('kind-facets-group'), kindChips: $('kind-facets'), clearFilters: $('clear-filters'),
    empty: $('empty'), emptyText: $('empty-text'), results: $('results'), more: $('more'),
    answer: $('answer'), alternativesBlock: $('alternatives-block'), alternatives: $('alternatives'),
    main: $('main'), homeLink: $('home-link')
  };

  /** Labels of nutrients by id, filled from facets and /api/nutrients (for chips with no count). */
  const nutrientLabels = new Map();
  /** Recent first pages by request URL, so the back button shows results at once. */
  const responseCache = new Map();
  const CACHE_LIMIT = 30;

  let current = stateOf(window.location);
  let searchCall = null;
  let suggestCall = null;
  let answerCall = null;
  let articleCall = null;
  let typingTimer = 0;
  let settleTimer = 0;
  let suggestTimer = 0;
  /** The mode parameter of the results shown (lexical while typing, '' for the server's default), and their body. */
  let shownMode = '';
  let shownBody = null;
  /** True once a search from typing has added its own history entry; later keystrokes replace it. */
  let typingEntry = false;
  let suggestAvailable = true;
  let activeOption = -1;
  let shown = 0;
  let lastTotal = 0;
  /** The query whose full chip list the visitor opened; a new query starts collapsed again. */
  let chipsOpenFor = null;

  // ---------------------------------------------------------------- URL state

  /** The page state a URL (a Location or URL object of this page) stands for. */
  function stateOf(url) {
    const params = new URLSearchParams(url.search);
    let unit = '';
    try {
      unit = decodeURIComponent(url.hash.slice(1));
    } catch (e) {
      unit = ''; // a mangled fragment only loses the scroll target
    }
    return {
      q: (params.get('q') || '').trim(),
      mode: params.get('mode') === 'ask' ? 'ask' : 'search',
      nutrients: unique(params.getAll('nutrient').filter(Boolean)),
      kinds: unique(params.getAll('kind').filter(Boolean)),
      article: params.get('article') || '',
      unit: unit
    };
  }

  function unique(values) {
    return Array.from(new Set(values));
  }

  /** The URL of a state (what a user can copy and share). */
  function urlOf(state) {
    const params = new URLSearchParams();
    if (state.article) {
      params.set('article', state.article);
      if (state.q) {
        params.set('q', state.q);
      }
      const hash = state.unit ? '#' + encodeURIComponent(state.unit) : '';
      return '/?' + params.toString() + hash;
    }
    if (state.mode === 'ask') {
      params.set('mode', 'ask');
    }
    if (state.q) {
      params.set('q', state.q);
    }
    if (state.mode !== 'ask') {
      state.nutrients.forEach((n) => params.append('nutrient', n));
      state.kinds.forEach((k) => params.append('kind', k));
    }
    const query = params.toString();
    return query ? '/?' + query : '/';
  }

  function articleUrl(articleId, unitId, q) {
    return urlOf({ article: articleId, unit: unitId || '', q: q || '', mode: 'search', nutrients: [], kinds: [] });
  }

  /**
   * Moves to a state: records it in the history (push adds an entry, else replaces) and shows it.
   * fromTyping keeps the suggestion list open while results follow the keystrokes.
   */
  function navigate(state, push, fromTyping) {
    const url = urlOf(state);
    if (push) {
      rememberScroll();
      window.history.pushState({ nutrisearch: true, depth: historyDepth() + 1 }, '', url);
    } else {
      window.history.replaceState(window.history.state, '', url);
    }
    current = state;
    render(state, null, fromTyping);
  }

  /** How many entries this page has pushed before the current one (0: the visitor arrived here). */
  function historyDepth() {
    const s = window.history.state;
    return s && typeof s.depth === 'number' ? s.depth : 0;
  }

  function currentUrl() {
    return window.location.pathname + window.location.search + window.location.hash;
  }

  /** Stores the scroll position in the current entry, so going back returns to it. */
  function rememberScroll() {
    const state = Object.assign({}, window.history.state || {}, { scrollY: window.scrollY });
    window.history.replaceState(state, '', window.location.href);
  }

  function withQuery(q) {
    return Object.assign({}, current, { q: q, article: '', unit: '' });
  }

  // ---------------------------------------------------------------- fetching

  /** An API call that failed, with the message to show. */
  class ApiFailure extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function fetchJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { signal: signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e.name === 'AbortError') {
        throw e;
      }
      throw new ApiFailure(0, 'The server could not be reached. Check your connection and try again.');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const message = body && body.error && body.error.message ? body.error.message : 'request failed';
      throw new ApiFailure(response.status, message);
    }
    if (body === null) {
      throw new ApiFailure(response.status, 'the server sent a response the page cannot read');
    }
    return body;
  }

  function isAbort(e) {
    return e && e.name === 'AbortError';
  }

  // ---------------------------------------------------------------- rendering

  /** Shows a state; scrollY (from a history entry) is restored once the content is there. */
  function render(state, scrollY, fromTyping) {
    if (el.input.value.trim() !== state.q) {
      el.input.value = state.q; // typing keeps its own spaces; history moves bring their query
    }
    el.modeSearch.checked = state.mode !== 'ask';
    el.modeAsk.checked = state.mode === 'ask';
    applyModeLabels(state.mode);
    hideError();
    if (!fromTyping) {
      closeSuggestions();
    }
    abortAll();

    if (state.article) {
      showOnly(el.articleView);
      loadArticle(state);
      return;
    }
    if (!state.q) {
      document.title = 'NutriSearch';
      el.status.textContent = '';
      showOnly(el.intro);
      return;
    }
    if (state.mode === 'ask') {
      document.title = state.q + ' – Ask – NutriSearch';
      showOnly(el.askView);
      runAsk(state);
      return;
    }
    document.title = state.q + ' – NutriSearch';
    showOnly(el.searchView);
    runSearch(state, scrollY, fromTyping, fromTyping);
  }

  function showOnly(view) {
    [el.intro, el.searchView, el.askView, el.articleView].forEach((v) => {
      v.hidden = v !== view;
    });
  }

  function applyModeLabels(mode) {
    const ask = mode === 'ask';
    el.submit.textContent = ask ? 'Ask' : 'Search';
    el.input.placeholder = ask ? 'e.g. What causes leg cramps at night?' : 'e.g. magnesium leg cramps';
    $('q-label').textContent = ask ? 'Ask a question about the articles' : 'Search the articles';
    el.hint.textContent = ask
      ? 'Type a question and press Enter for a single answer with its source.'
      : suggestAvailable
        ? 'Results appear as you type. Use the arrow keys to pick a suggestion, Enter to search.'
        : 'Results appear as you type; Enter searches at once.';
  }

  function abortAll() {
    [searchCall, answerCall, articleCall].forEach((c) => c && c.abort());
    searchCall = answerCall = articleCall = null;
  }

  function showError(prefix, failure) {
    const status = failure.status ? ' (HTTP ' + failure.status + ')' : '';
    el.errorText.textContent = prefix + ': ' + failure.message + status + '.';
    el.error.hidden = false;
    el.status.textContent = '';
  }

  function hideError() {
    el.error.hidden = true;
    el.errorText.textContent = '';
  }

  /** Puts the server's snippet into the page: the only HTML from the API the page uses (already escaped). */
  function setSnippet(target, html) {
    target.innerHTML = html;
    target.querySelectorAll('mark.nutrient').forEach((mark) => {
      mark.classList.add(slotClass(mark.getAttribute('data-nutrient')));
      const label = nutrientLabels.get(mark.getAttribute('data-nutrient'));
      if (label) {
        mark.title = label;
      }
    });
  }

  function slotClass(nutrientId) {
    const id = nutrientId || '';
    if (Object.prototype.hasOwnProperty.call(NUTRIENT_SLOTS, id)) {
      return 'nc-' + NUTRIENT_SLOTS[id];
    }
    let hash = 0;
    for (let i = 0; i < id.length; i++) {
      hash = (hash * 31 + id.charCodeAt(i)) | 0;
    }
    return 'nc-' + (Math.abs(hash) % SLOT_COUNT);
  }

  function node(tag, className, text) {
    const n = document.createElement(tag);
    if (className) {
      n.className = className;
    }
    if (text !== undefined && text !== null) {
      n.textContent = text;
    }
    return n;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  // ---------------------------------------------------------------- search

  function searchUrl(state, offset, mode) {
    const params = new URLSearchParams();
    params.set('q', state.q);
    if (mode) {
      params.set('mode', mode);
    }
    params.set('limit', String(PAGE_SIZE));
    if (offset) {
      params.set('offset', String(offset));
    }
    state.nutrients.forEach((n) => params.append('nutrient', n));
    state.kinds.forEach((k) => params.append('kind', k));
    return '/api/search?' + params.toString();
  }

  /**
   * Searches and shows the first page. fromTyping: the query follows the keystrokes; typing: it is not
   * settled yet, so only the words are searched (see SETTLE_MS).
   */
  async function runSearch(state, scrollY, fromTyping, typing) {
    const mode = typing ? 'lexical' : '';
    const url = searchUrl(state, 0, mode);
    el.searchView.setAttribute('aria-busy', 'true');
    let body = responseCache.get(url);
    if (!body) {
      const call = new AbortController();
      searchCall = call;
      try {
        body = await fetchJson(url, call.signal);
      } catch (e) {
        if (isAbort(e) || call !== searchCall) {
          return;
        }
        el.searchView.removeAttribute('aria-busy');
        clearResults();
        showError('Search failed', e);
        return;
      }
      if (call !== searchCall) {
        return;
      }
      searchCall = null;
      cache(url, body);
    }
    el.searchView.removeAttribute('aria-busy');
    // A pause in typing asks again in the default mode; when that finds what the words found (a server
    // searching by words only), the page stays as it is instead of drawing the same results again. Only
    // while typing: a submitted query (Enter) is drawn whatever it finds, since its status and empty
    // state differ from a half-typed one's even when the results do not.
    const settling = fromTyping && shownMode === 'lexical' && !mode && state === current;
    shownMode = mode;
    if (settling && sameAnswer(body, shownBody)) {
      return;
    }
    shownBody = body;
    showResults(state, body, fromTyping);
    if (typeof scrollY === 'number') {
      window.scrollTo(0, scrollY);
    }
  }

  function sameAnswer(a, b) {
    const key = (body) => body && JSON.stringify([body.total, body.results.map((r) => r.id + ' ' + r.snippet),
      body.facets, body.didYouMean]);
    return key(a) === key(b);
  }

  function cache(url, body) {
    responseCache.set(url, body);
    if (responseCache.size > CACHE_LIMIT) {
      responseCache.delete(responseCache.keys().next().value);
    }
  }

  function clearResults() {
    el.results.replaceChildren();
    el.more.hidden = true;
    el.empty.hidden = true;
    el.didYouMean.hidden = true;
    el.nutrientGroup.hidden = true;
    el.kindGroup.hidden = true;
    el.clearFilters.hidden = true;
  }

  function showResults(state, body, fromTyping) {
    const focusedChip = focusedChipKey();
    (body.facets && body.facets.nutrients || []).forEach((n) => nutrientLabels.set(n.id, n.label));
    el.results.replaceChildren();
    body.results.forEach((hit) => el.results.appendChild(resultItem(hit, state.q)));
    shown = body.results.length;
    lastTotal = body.total;

    renderDidYouMean(body.didYouMean, state.q);
    renderNutrientChips(body.facets ? body.facets.nutrients : [], state.nutrients);
    renderKindChips(body.facets ? body.facets.kinds : [], state.kinds);
    const filtered = state.nutrients.length > 0 || state.kinds.length > 0;
    el.clearFilters.hidden = !filtered;

    // Mid-word ("magnes") nothing matches yet: say so quietly instead of flashing the empty state.
    const typingOn = fromTyping && body.total === 0 && !/\s$/.test(el.input.value);
    el.empty.hidden = body.total > 0 || typingOn;
    if (body.total === 0) {
      el.emptyText.textContent = filtered
        ? 'Nothing matches “' + state.q + '” with these filters. Clear the filters or try other words.'
        : 'Nothing in the articles matches “' + state.q + '”. Check the spelling, use fewer words, '
          + 'or try a nutrient name such as magnesium or vitamin D.';
    }
    el.status.textContent = typingOn
      ? 'No matches for “' + state.q + '” yet: keep typing, or press Enter to search.'
      : statusText(state, body.total);
    updateMore();
    restoreChipFocus(focusedChip);
  }

  function statusText(state, total) {
    let text = plural(total, 'result', 'results') + ' for “' + state.q + '”';
    const filters = state.nutrients.map((n) => nutrientLabels.get(n) || n)
      .concat(state.kinds.map((k) => KIND_FACETS[k] || k));
    if (filters.length) {
      text += ' · filtered by ' + filters.join(', ');
    }
    if (total > shown && shown > 0) {
      text += ' · showing ' + shown;
    }
    return text;
  }

  function updateMore() {
    el.more.hidden = shown >= lastTotal;
    el.more.textContent = 'More results (' + (lastTotal - shown) + ' more)';
  }

  async function loadMore() {
    const state = current;
    const call = new AbortController();
    searchCall = call;
    el.more.disabled = true;
    try {
      const body = await fetchJson(searchUrl(state, shown, shownMode), call.signal);
      if (call !== searchCall) {
        return;
      }
      searchCall = null;
      const firstNew = body.results.length ? resultItem(body.results[0], state.q) : null;
      body.results.forEach((hit, i) => el.results.appendChild(i === 0 ? firstNew : resultItem(hit, state.q)));
      shown += body.results.length;
      lastTotal = body.total;
      el.status.textContent = statusText(state, body.total);
      updateMore();
      if (firstNew) {
        firstNew.querySelector('a').focus();
      }
    } catch (e) {
      if (!isAbort(e)) {
        showError('Could not load more results', e);
      }
    } finally {
      el.more.disabled = false;
    }
  }

  function resultItem(hit, q) {
    const li = node('li', 'result');
    const meta = node('p', 'result-meta');
    const badge = node('span', 'badge badge-' + hit.kind, KIND_BADGES[hit.kind] || hit.kind);
    meta.appendChild(badge);
    meta.appendChild(node('span', 'result-article', hit.article ? hit.article.title : ''));
    if (foundByMeaning(hit)) {
      // Found by meaning alone: say so, or the reader wonders why a result shares no word with the query.
      meta.appendChild(node('span', 'by-meaning', 'related in meaning'));
    }
    li.appendChild(meta);

    const title = node('h3', 'result-title');
    const link = node('a', 'result-link', unitTitle(hit));
    link.href = articleUrl(hit.article ? hit.article.id : '', hit.id, q);
    link.setAttribute('data-unit', hit.id);
    title.appendChild(link);
    li.appendChild(title);

    const snippet = node('p', 'snippet');
    setSnippet(snippet, hit.snippet || '');
    li.appendChild(snippet);

    if (hit.nutrients && hit.nutrients.length) {
      const tags = node('ul', 'result-nutrients');
      tags.setAttribute('aria-label', 'Nutrients mentioned');
      hit.nutrients.forEach((id) => {
        const tag = node('li', 'nutrient-tag ' + slotClass(id));
        tag.appendChild(node('span', 'swatch'));
        tag.appendChild(document.createTextNode(nutrientLabels.get(id) || id));
        tags.appendChild(tag);
      });
      li.appendChild(tags);
    }
    return li;
  }

  /** True for a hit of a semantic or hybrid search in which none of the query's words was marked. */
  function foundByMeaning(hit) {
    return hit.similarity != null && !(hit.highlights || []).some((h) => h.type === 'term');
  }

  /** What a result is called: the FAQ question, else its heading. */
  function unitTitle(hit) {
    if (hit.kind === 'faq' && hit.question) {
      return hit.question;
    }
    if (hit.heading) {
      return hit.heading;
    }
    return hit.kind === 'faq' ? 'Frequently asked question' : 'Introduction';
  }

  function renderDidYouMean(suggestion, q) {
    const offer = suggestion && suggestion.trim() && suggestion.trim().toLowerCase() !== q.toLowerCase();
    el.didYouMean.hidden = !offer;
    if (offer) {
      el.didYouMeanLink.textContent = suggestion;
      el.didYouMeanLink.href = urlOf(Object.assign({}, current, { q: suggestion }));
    }
  }

  function renderNutrientChips(facets, selected) {
    const counts = new Map((facets || []).map((f) => [f.id, f]));
    const ids = (facets || []).filter((f) => f.count > 0).map((f) => f.id);
    selected.forEach((id) => {
      if (!ids.includes(id)) {
        ids.unshift(id);
      }
    });
    const open = chipsOpenFor === current.q;
    const hidden = open ? [] : ids.slice(CHIP_LIMIT).filter((id) => !selected.includes(id));
    el.nutrientChips.replaceChildren();
    ids.filter((id) => !hidden.includes(id)).forEach((id) => {
      const facet = counts.get(id);
      const label = facet ? facet.label : (nutrientLabels.get(id) || id);
      const chip = chipButton(label, facet ? facet.count : 0, selected.includes(id));
      chip.classList.add(slotClass(id));
      chip.setAttribute('data-nutrient', id);
      chip.addEventListener('click', () => toggleFilter('nutrients', id));
      const li = node('li');
      li.appendChild(chip);
      el.nutrientChips.appendChild(li);
    });
    if (hidden.length) {
      const more = node('button', 'link-button more-chips', '+' + hidden.length + ' more');
      more.type = 'button';
      more.id = 'more-chips';
      more.setAttribute('aria-expanded', 'false');
      more.setAttribute('aria-label', 'Show ' + plural(hidden.length, 'more nutrient', 'more nutrients'));
      more.addEventListener('click', () => {
        chipsOpenFor = current.q;
        renderNutrientChips(facets, selected);
        const first = el.nutrientChips.querySelector('[data-nutrient="' + CSS.escape(hidden[0]) + '"]');
        if (first) {
          first.focus(); // keyboard users continue at the first chip that appeared
        }
      });
      const li = node('li');
      li.appendChild(more);
      el.nutrientChips.appendChild(li);
    }
    el.nutrientGroup.hidden = ids.length === 0;
  }

  function renderKindChips(facets, selected) {
    const ids = (facets || []).filter((f) => f.count > 0).map((f) => f.kind);
    selected.forEach((k) => {
      if (!ids.includes(k)) {
        ids.unshift(k);
      }
    });
    const counts = new Map((facets || []).map((f) => [f.kind, f.count]));
    el.kindChips.replaceChildren();
    ids.forEach((kind) => {
      const chip = chipButton(KIND_FACETS[kind] || kind, counts.get(kind) || 0, selected.includes(kind));
      chip.classList.add('kind-chip');
      chip.setAttribute('data-kind', kind);
      chip.addEventListener('click', () => toggleFilter('kinds', kind));
      const li = node('li');
      li.appendChild(chip);
      el.kindChips.appendChild(li);
    });
    // One kind alone is no choice: show the row only when it can narrow the results (or undo a filter).
    el.kindGroup.hidden = ids.length < 2 && selected.length === 0;
  }

  function chipButton(label, count, pressed) {
    const chip = node('button', 'chip');
    chip.type = 'button';
    chip.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    chip.appendChild(node('span', 'swatch'));
    chip.appendChild(node('span', 'chip-label', label));
    const c = node('span', 'chip-count', String(count));
    chip.appendChild(c);
    chip.appendChild(node('span', 'visually-hidden', count === 1 ? ' result' : ' results'));
    return chip;
  }

  function toggleFilter(field, value) {
    const values = current[field].includes(value)
      ? current[field].filter((v) => v !== value)
      : current[field].concat([value]);
    const next = Object.assign({}, current);
    next[field] = values;
    typingEntry = false;
    navigate(next, true);
  }

  /** Chips are rebuilt after each search; keyboard users keep their place on the chip they pressed. */
  function focusedChipKey() {
    const a = document.activeElement;
    if (!a || !a.classList || !a.classList.contains('chip')) {
      return null;
    }
    return a.hasAttribute('data-nutrient')
      ? '[data-nutrient="' + CSS.escape(a.getAttribute('data-nutrient')) + '"]'
      : '[data-kind="' + CSS.escape(a.getAttribute('data-kind')) + '"]';
  }

  function restoreChipFocus(selector) {
    if (!selector) {
      return;
    }
    const chip = el.searchView.querySelector('.chip' + selector);
    (chip || el.results.querySelector('a') || el.main).focus();
  }

  // ---------------------------------------------------------------- ask mode

  async function runAsk(state) {
    el.answer.replaceChildren();
    el.alternatives.replaceChildren();
    el.alternativesBlock.hidden = true;
    el.status.textContent = 'Looking for an answer…';
    const call = new AbortController();
    answerCall = call;
    let body;
    try {
      body = await fetchJson('/api/answer?q=' + encodeURIComponent(state.q), call.signal);
    } catch (e) {
      if (isAbort(e) || call !== answerCall) {
        return;
      }
      if (e.status === 404) {
        showError('Ask mode is not available on this server yet', new ApiFailure(0, 'use Search instead'));
      } else {
        showError('Ask failed', e);
      }
      return;
    }
    if (call !== answerCall) {
      return;
    }
    answerCall = null;
    showAnswer(state, body);
  }

  function showAnswer(state, body) {
    const card = node('div', 'answer-card');
    if (body.answer) {
      const a = body.answer;
      card.classList.add('answered');
      card.appendChild(node('p', 'answer-label', 'Answer'));
      if (a.question) {
        card.appendChild(node('h2', 'answer-question', a.question));
      }
      const text = node('p', 'answer-text');
      if (a.snippet) {
        setSnippet(text, a.snippet);
      } else {
        text.textContent = a.text || '';
      }
      card.appendChild(text);
      card.appendChild(confidenceLine(a.confidence));
      card.appendChild(citationLine(a, state.q));
      el.status.textContent = 'Answer found, confidence ' + percent(a.confidence) + '.';
    } else {
      card.classList.add('declined');
      card.appendChild(node('h2', 'answer-none', 'No confident answer'));
      card.appendChild(node('p', 'answer-reason',
        DECLINE_REASONS[String(body.reason || '').toLowerCase()]
          || 'No passage answers this clearly enough to quote as the answer.'));
      const search = node('button', 'secondary', 'Search the articles for “' + state.q + '” instead');
      search.type = 'button';
      search.id = 'ask-search-instead';
      search.addEventListener('click', () => navigate(Object.assign({}, state, { mode: 'search' }), true));
      card.appendChild(search);
      el.status.textContent = 'No confident answer for “' + state.q + '”.';
    }
    if (body.disclaimer) {
      card.appendChild(node('p', 'answer-disclaimer', body.disclaimer));
    }
    el.answer.replaceChildren(card);

    const alternatives = body.alternatives || [];
    alternatives.forEach((alt) => el.alternatives.appendChild(resultItem(asResult(alt), state.q)));
    el.alternativesBlock.hidden = alternatives.length === 0;
    $('alternatives-title').textContent = body.answer ? 'Other passages' : 'Closest passages';
  }

  /** Answers cite their article in `citation`; results name it in `article`. */
  function asResult(unit) {
    if (unit.article || !unit.citation) {
      return unit;
    }
    return Object.assign({}, unit, {
      article: { id: unit.citation.articleId, title: unit.citation.articleTitle, source: unit.citation.source },
      heading: unit.heading || unit.citation.heading
    });
  }

  function percent(confidence) {
    return Math.round((Number(confidence) || 0) * 100) + '%';
  }

  function confidenceLine(confidence) {
    const value = Math.max(0, Math.min(1, Number(confidence) || 0));
    const p = node('p', 'confidence');
    const label = node('span', 'confidence-label', 'Confidence');
    label.id = 'confidence-label';
    p.appendChild(label);
    const meter = node('meter');
    meter.min = 0;
    meter.max = 1;
    meter.low = 0.5;
    meter.high = 0.75;
    meter.optimum = 1;
    meter.value = value;
    meter.setAttribute('aria-labelledby', 'confidence-label');
    p.appendChild(meter);
    const word = value >= 0.75 ? 'high' : value >= 0.5 ? 'medium' : 'low';
    p.appendChild(node('span', 'confidence-value', percent(value) + ' (' + word + ')'));
    return p;
  }

  function citationLine(answer, q) {
    const c = answer.citation || {};
    const p = node('p', 'citation');
    p.appendChild(document.createTextNode('Source: '));
    const link = node('a', 'citation-link', c.articleTitle || c.articleId || 'the article');
    link.href = articleUrl(c.articleId, answer.id, q);
    p.appendChild(link);
    if (c.heading) {
      p.appendChild(document.createTextNode(' — ' + c.heading));
    }
    return p;
  }

  // ---------------------------------------------------------------- article view

  async function loadArticle(state) {
    el.articleView.replaceChildren(node('p', 'loading', 'Loading the article…'));
    el.status.textContent = '';
    const call = new AbortController();
    articleCall = call;
    let article;
    try {
      article = await fetchJson('/api/articles/' + encodeURIComponent(state.article), call.signal);
    } catch (e) {
      if (isAbort(e) || call !== articleCall) {
        return;
      }
      el.articleView.replaceChildren(backLink(state));
      showError(e.status === 404 ? 'This article is not in the index' : 'The article could not be loaded', e);
      return;
    }
    if (call !== articleCall) {
      return;
    }
    articleCall = null;
    document.title = article.title + ' – NutriSearch';
    el.articleView.replaceChildren(backLink(state), articleBody(article));
    el.status.textContent = 'Showing the article “' + article.title + '”.';
    focusUnit(state.unit);
  }

  function backLink(state) {
    const nav = node('nav', 'crumbs');
    nav.setAttribute('aria-label', 'Back');
    const back = node('a', 'back-link', state.q ? '← Back to results for “' + state.q + '”' : '← New search');
    back.href = state.q ? urlOf({ q: state.q, mode: 'search', nutrients: [], kinds: [], article: '', unit: '' }) : '/';
    back.id = 'back-to-results';
    back.addEventListener('click', (event) => {
      // Came from the results: going back restores them (filters, scroll) exactly as they were.
      if (plainClick(event) && historyDepth() > 0) {
        event.preventDefault();
        window.history.back();
      }
    });
    nav.appendChild(back);
    return nav;
  }

  function articleBody(article) {
    const id = article.id;
    const body = document.createDocumentFragment();
    const header = node('header', 'article-header');
    header.appendChild(node('p', 'kicker', 'Article'));
    const h1 = node('h1', 'article-title', article.title);
    h1.tabIndex = -1;
    h1.id = 'article-title';
    header.appendChild(h1);
    if (article.source) {
      header.appendChild(node('p', 'article-source', 'Source: ' + article.source));
    }
    body.appendChild(header);

    if (article.summary) {
      const s = unitBlock('section', id + '#summary');
      s.appendChild(node('h2', null, 'Quick Summary'));
      appendParagraphs(s, article.summary);
      body.appendChild(s);
    }
    if (article.keyPoints && article.keyPoints.length) {
      const s = node('section', 'article-part');
      s.appendChild(node('h2', null, 'Key Points'));
      const list = node('ul', 'key-points');
      article.keyPoints.forEach((point, i) => {
        const li = unitBlock('li', id + '#keypoint-' + (i + 1));
        li.textContent = point;
        list.appendChild(li);
      });
      s.appendChild(list);
      body.appendChild(s);
    }
    let parent = null;
    (article.sections || []).forEach((section, i) => {
      if (section.parentHeading && section.parentHeading !== parent) {
        body.appendChild(node('h2', 'parent-heading', section.parentHeading));
      }
      parent = section.parentHeading || null;
      const s = unitBlock('section', id + '#section-' + (i + 1));
      if (section.heading) {
        s.appendChild(node(section.parentHeading ? 'h3' : 'h2', null, section.heading));
      }
      appendParagraphs(s, section.text || '');
      body.appendChild(s);
    });
    if (article.faqs && article.faqs.length) {
      const s = node('section', 'article-part');
      s.appendChild(node('h2', null, 'Frequently Asked Questions'));
      article.faqs.forEach((faq, i) => {
        const f = unitBlock('div', id + '#faq-' + (i + 1));
        f.appendChild(node('h3', 'faq-question', faq.question || 'Question'));
        appendParagraphs(f, faq.answer || '');
        s.appendChild(f);
      });
      body.appendChild(s);
    }
    (article.tables || []).forEach((table, t) => body.appendChild(tableBlock(id, table, t + 1)));
    if (article.disclaimer) {
      const aside = node('aside', 'article-disclaimer');
      aside.setAttribute('aria-label', 'Disclaimer from the article');
      aside.appendChild(node('p', null, article.disclaimer));
      body.appendChild(aside);
    }
    return body;
  }

  function unitBlock(tag, unitId) {
    const n = node(tag, 'unit');
    n.id = unitId;
    n.tabIndex = -1;
    return n;
  }

  /** Paragraphs are separated by blank lines; single line breaks (bullets) are kept by CSS. */
  function appendParagraphs(parent, text) {
    text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
      .forEach((p) => parent.appendChild(node('p', 'para', p)));
  }

  function tableBlock(articleId, table, number) {
    const s = node('section', 'article-part');
    s.appendChild(node('h2', null, table.heading || 'Table ' + number));
    const scroll = node('div', 'table-scroll');
    scroll.tabIndex = 0;
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', (table.heading || 'Table ' + number) + ' (scrolls sideways)');
    const t = node('table');
    const columns = table.columns || [];
    if (!columns.length && table.header) {
      t.appendChild(node('caption', null, table.header));
    }
    if (columns.length) {
      const head = node('thead');
      const tr = node('tr');
      columns.forEach((c) => {
        const th = node('th', null, c);
        th.scope = 'col';
        tr.appendChild(th);
      });
      head.appendChild(tr);
      t.appendChild(head);
    }
    const tbody = node('tbody');
    (table.rows || []).forEach((row, r) => {
      const tr = unitBlock('tr', articleId + '#table-' + number + '-row-' + (r + 1));
      const cells = row.cells && row.cells.length ? row.cells : [row.text];
      cells.forEach((cell, c) => {
        const td = node(c === 0 && cells.length > 1 ? 'th' : 'td', null, cell);
        if (c === 0 && cells.length > 1) {
          td.scope = 'row';
        }
        if (cells.length === 1 && columns.length > 1) {
          td.colSpan = columns.length;
        }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    t.appendChild(tbody);
    scroll.appendChild(t);
    s.appendChild(scroll);
    return s;
  }

  /** Scrolls to the unit a link pointed at and marks it; without one, starts at the title. */
  function focusUnit(unitId) {
    const target = unitId ? document.getElementById(unitId) : null;
    if (target) {
      target.classList.add('is-target');
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start' });
    } else {
      const title = $('article-title');
      title.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }

  // ---------------------------------------------------------------- autocomplete

  function scheduleSuggest(prefix) {
    window.clearTimeout(suggestTimer);
    if (!suggestAvailable || prefix.length < MIN_LIVE_CHARS) {
      closeSuggestions();
      return;
    }
    suggestTimer = window.setTimeout(() => loadSuggestions(prefix), DEBOUNCE_MS);
  }

  async function loadSuggestions(prefix) {
    if (suggestCall) {
      suggestCall.abort();
    }
    const call = new AbortController();
    suggestCall = call;
    let body;
    try {
      body = await fetchJson('/api/suggest?q=' + encodeURIComponent(prefix) + '&limit=' + MAX_SUGGESTIONS,
        call.signal);
    } catch (e) {
      if (!isAbort(e) && e.status === 404) {
        suggestAvailable = false; // this server has no autocomplete: stop asking
        applyModeLabels(current.mode);
      }
      if (call === suggestCall) {
        closeSuggestions();
      }
      return;
    }
    if (call !== suggestCall || document.activeElement !== el.input || el.input.value.trim() !== prefix) {
      return;
    }
    showSuggestions((body.suggestions || []).slice(0, MAX_SUGGESTIONS));
  }

  function showSuggestions(suggestions) {
    el.suggestions.replaceChildren();
    activeOption = -1;
    el.input.removeAttribute('aria-activedescendant');
    suggestions.forEach((s, i) => {
      const li = node('li', 'suggestion');
      li.id = 'suggestion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.setAttribute('data-text', s.text);
      li.appendChild(node('span', 'suggestion-text', s.text));
      if (s.kind) {
        li.appendChild(node('span', 'suggestion-kind', s.kind));
      }
      // mousedown, not click: the input keeps focus, so the list does not close before the pick.
      li.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pickSuggestion(i);
      });
      el.suggestions.appendChild(li);
    });
    const open = suggestions.length > 0;
    el.suggestions.hidden = !open;
    el.input.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  function closeSuggestions() {
    window.clearTimeout(suggestTimer);
    if (suggestCall) {
      suggestCall.abort();
      suggestCall = null;
    }
    el.suggestions.hidden = true;
    el.suggestions.replaceChildren();
    el.input.setAttribute('aria-expanded', 'false');
    el.input.removeAttribute('aria-activedescendant');
    activeOption = -1;
  }

  function moveActive(step) {
    const options = el.suggestions.querySelectorAll('[role="option"]');
    if (!options.length) {
      return;
    }
    activeOption = activeOption + step;
    if (activeOption >= options.length) {
      activeOption = 0;
    } else if (activeOption < 0) {
      activeOption = options.length - 1;
    }
    options.forEach((o, i) => o.setAttribute('aria-selected', i === activeOption ? 'true' : 'false'));
    const active = options[activeOption];
    el.input.setAttribute('aria-activedescendant', active.id);
    active.scrollIntoView({ block: 'nearest' });
  }

  function pickSuggestion(index) {
    const option = el.suggestions.querySelectorAll('[role="option"]')[index];
    if (!option) {
      return;
    }
    el.input.value = option.getAttribute('data-text');
    closeSuggestions();
    submit();
  }

  // ---------------------------------------------------------------- input handling

  /** Enter (or the button): runs the query now and gives it its own history entry. */
  function submit() {
    window.clearTimeout(typingTimer);
    window.clearTimeout(settleTimer);
    closeSuggestions();
    const state = withQuery(el.input.value.trim());
    // Typing has already given this query a history entry (or it is the page shown): reuse it.
    const push = !typingEntry && urlOf(state) !== currentUrl();
    typingEntry = false;
    navigate(state, push);
  }

  function onInput() {
    const q = el.input.value.trim();
    scheduleSuggest(q);
    if (current.mode === 'ask') {
      return; // questions are asked with Enter: half a question gets a wrong answer
    }
    window.clearTimeout(typingTimer);
    window.clearTimeout(settleTimer);
    if (q.length > 0 && q.length < MIN_LIVE_CHARS) {
      return;
    }
    typingTimer = window.setTimeout(() => {
      if (q === current.q && !current.article) {
        return;
      }
      // The first search of a typing run gets a history entry; later keystrokes refine it in place.
      const push = !typingEntry;
      typingEntry = true;
      navigate(withQuery(q), push, true);
    }, DEBOUNCE_MS);
    settleTimer = window.setTimeout(settle, SETTLE_MS);
  }

  /** Typing paused: the query shown from the words alone is searched in the server's default mode. */
  function settle() {
    if (current.mode === 'ask' || current.article || !current.q || el.input.value.trim() !== current.q) {
      return;
    }
    // A lexical search still on its way is superseded; one already shown is replaced.
    runSearch(current, null, true, false);
  }

  function onKeyDown(event) {
    const open = !el.suggestions.hidden;
    switch (event.key) {
      case 'ArrowDown':
        if (open) {
          event.preventDefault();
          moveActive(1);
        } else if (suggestAvailable && el.input.value.trim().length >= MIN_LIVE_CHARS) {
          event.preventDefault();
          loadSuggestions(el.input.value.trim());
        }
        break;
      case 'ArrowUp':
        if (open) {
          event.preventDefault();
          moveActive(-1);
        }
        break;
      case 'Enter':
        if (open && activeOption >= 0) {
          event.preventDefault();
          pickSuggestion(activeOption);
        }
        break; // otherwise the form's submit event runs the query
      case 'Escape':
        if (open) {
          event.preventDefault();
          closeSuggestions();
        }
        break;
      case 'Tab':
        closeSuggestions();
        break;
      default:
        break;
    }
  }

  function plainClick(event) {
    return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  }

  /** Links to this page's own URLs (results, examples, citations) are followed without a reload. */
  function onDocumentClick(event) {
    const link = event.target.closest && event.target.closest('a[href]');
    if (!link || !plainClick(event) || event.defaultPrevented || link.target) {
      return;
    }
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== '/' || link.classList.contains('skip-link')) {
      return;
    }
    event.preventDefault();
    typingEntry = false;
    const state = stateOf(url);
    navigate(state, true);
    if (!state.article) {
      window.scrollTo(0, 0);
    }
  }

  function onModeChange() {
    const mode = el.modeAsk.checked ? 'ask' : 'search';
    typingEntry = false;
    navigate(Object.assign({}, current, { mode: mode, q: el.input.value.trim(), article: '', unit: '' }), true);
  }

  function loadNutrientLabels() {
    fetchJson('/api/nutrients', undefined).then((body) => {
      (body.nutrients || []).forEach((n) => {
        if (!nutrientLabels.has(n.id)) {
          nutrientLabels.set(n.id, n.label);
        }
      });
    }).catch(() => { /* labels are a nicety; chips fall back to ids */ });
  }

  function start() {
    el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    el.input.addEventListener('input', onInput);
    el.input.addEventListener('keydown', onKeyDown);
    el.input.addEventListener('blur', closeSuggestions);
    el.modeSearch.addEventListener('change', onModeChange);
    el.modeAsk.addEventListener('change', onModeChange);
    el.more.addEventListener('click', loadMore);
    el.retry.addEventListener('click', () => render(current, null));
    el.clearFilters.addEventListener('click', () => {
      typingEntry = false;
      navigate(Object.assign({}, current, { nutrients: [], kinds: [] }), true);
    });
    document.querySelector('.skip-link').addEventListener('click', (event) => {
      event.preventDefault();
      el.main.focus();
    });
    document.addEventListener('click', onDocumentClick);
    window.addEventListener('popstate', (event) => {
      current = stateOf(window.location);
      typingEntry = false;
      render(current, event.state && typeof event.state.scrollY === 'number' ? event.state.scrollY : null);
    });
    if ('scrollRestoration' in window.history) {
      window.history.scrollRestoration = 'manual'; // results arrive after the page: the page restores scroll itself
    }
    window.history.replaceState(Object.assign({ nutrisearch: true, depth: 0 }, window.history.state || {}), '',
      window.location.href);
    loadNutrientLabels();
    render(current, null);
    if (!current.article) {
      el.input.focus();
    }
  }

  start();
}());
