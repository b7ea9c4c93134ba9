/* The room's pages work without this script (each form is a plain post). With it:
   - every answer is sent as soon as it is given, with the value the page showed before,
     so the server changes only what this partner changed;
   - what has not reached the laptop yet is kept on the phone (localStorage) and sent
     again after a reload or when the connection comes back;
   - an added item or parked note that could not be sent waits on the phone with its
     submission id, so sending it again never adds it twice. */
(function () {
  "use strict";
  var RETRY_MS = 3000;
  var TYPING_MS = 1200;
  // Answers given in quick succession (yes, then a score) travel together.
  var GATHER_MS = 250;
  // A request the network swallowed (the phone went out of reach mid-send) is given up
  // after this long, so the answer is sent again instead of waiting for ever.
  var ANSWER_MS = 10000;

  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  function keep(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); }
      else { window.localStorage.setItem(key, JSON.stringify(value)); }
    } catch (e) { /* private mode: the answers still go out, they are only not kept */ }
  }

  function say(kind, text) {
    var line = document.getElementById("room-status");
    if (!line || !text) { return; }
    var mark = { ok: "✓ ", busy: "… ", waiting: "⚠ ", error: "⚠ " }[kind] || "";
    line.hidden = false;
    line.className = "status " + kind;
    line.textContent = mark + text;
  }

  function newSid() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var text = "";
    for (var i = 0; i < bytes.length; i += 1) { text += String.fromCharCode(bytes[i]); }
    return window.btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fieldsNamed(form, name) {
    var found = [];
    for (var i = 0; i < form.elements.length; i += 1) {
      if (form.elements[i].name === name) { found.push(form.elements[i]); }
    }
    return found;
  }

  function valueOf(form, name) {
    var fields = fieldsNamed(form, name);
    for (var i = 0; i < fields.length; i += 1) {
      var field = fields[i];
      if (field.type === "radio") { if (field.checked) { return field.value; } }
      else if (field.type === "checkbox") { return field.checked ? field.value : ""; }
      else { return field.value; }
    }
    return "";
  }

  function show(form, name, value) {
    fieldsNamed(form, name).forEach(function (field) {
      if (field.type === "radio") { field.checked = field.value === value; }
      else if (field.type === "checkbox") { field.checked = value === field.value; }
      else { field.value = value; }
    });
  }

  function baseOf(form, name) {
    var bases = fieldsNamed(form, "was." + name);
    return bases.length ? bases[0] : null;
  }

  function post(action, body) {
    var control = window.AbortController ? new window.AbortController() : null;
    var timer = control ? window.setTimeout(function () { control.abort(); }, ANSWER_MS) : null;
    return window.fetch(action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" },
      signal: control ? control.signal : undefined
    }).finally(function () {
      window.clearTimeout(timer);
    }).then(function (response) {
      return response.json().then(function (answer) {
        answer.status = response.status;
        return answer;
      });
    });
  }

  function retryable(answer) {
    return answer.status === 429 || answer.status >= 500;
  }

  function autosave(form) {
    var key = "regionet:" + form.dataset.store;
    var pending = load(key) || {};
    var sending = false;
    var gathering = null;
    var csrf = fieldsNamed(form, "csrf")[0].value;

    function soon(delay) {
      window.clearTimeout(gathering);
      gathering = window.setTimeout(flush, delay);
    }

    // Out of reach: say so at once, not only when a send fails.
    function offline() {
      if (window.navigator.onLine === false && Object.keys(pending).length) {
        say("waiting", form.dataset.offline);
      }
    }

    function store() { keep(key, Object.keys(pending).length ? pending : null); }

    function remember(name) {
      var base = baseOf(form, name);
      if (!base) { return; }
      var value = valueOf(form, name);
      if (!pending[name]) { pending[name] = { value: value, was: base.value }; }
      pending[name].value = value;
      if (pending[name].value === pending[name].was) { delete pending[name]; }
      store();
    }

    function settle(values, sent) {
      Object.keys(values || {}).forEach(function (name) {
        var base = baseOf(form, name);
        if (base) { base.value = values[name]; }
        var focused = document.activeElement && document.activeElement.name === name;
        if (!pending[name] && !focused) { show(form, name, values[name]); }
      });
      Object.keys(sent).forEach(function (name) {
        if (pending[name] && pending[name].value === sent[name]) { delete pending[name]; }
      });
      store();
    }

    function flush() {
      var names = Object.keys(pending);
      if (sending || !names.length) { return; }
      sending = true;
      say("busy", form.dataset.saving);
      var body = new URLSearchParams();
      var sent = {};
      body.append("csrf", csrf);
      names.forEach(function (name) {
        body.append(name, pending[name].value);
        body.append("was." + name, pending[name].was);
        sent[name] = pending[name].value;
      });
      post(form.action, body).then(function (answer) {
        if (answer.ok) {
          settle(answer.values, sent);
          say("ok", answer.message);
          if (Object.keys(pending).length) { soon(GATHER_MS); }  // answered meanwhile
        } else if (retryable(answer)) {
          say("waiting", answer.message);
        } else {
          if (answer.field && pending[answer.field]) {
            delete pending[answer.field];
            store();
          }
          say("error", answer.message);
        }
      }, function () {
        say("waiting", form.dataset.offline);
      }).then(function () {
        sending = false;
      });
    }

    Object.keys(pending).forEach(function (name) { show(form, name, pending[name].value); });
    form.addEventListener("change", function (event) {
      if (event.target.name) { remember(event.target.name); soon(GATHER_MS); offline(); }
    });
    form.addEventListener("input", function (event) {
      var field = event.target;
      if (field.tagName === "TEXTAREA" || field.type === "text") {
        remember(field.name);
        soon(TYPING_MS);
        offline();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      for (var i = 0; i < form.elements.length; i += 1) {
        var name = form.elements[i].name;
        if (name && name !== "csrf" && name.indexOf("was.") !== 0) { remember(name); }
      }
      if (Object.keys(pending).length) { flush(); } else { say("ok", form.dataset.saved); }
    });
    window.addEventListener("online", flush);
    window.addEventListener("offline", offline);
    window.setInterval(flush, RETRY_MS);
    if (Object.keys(pending).length) { say("busy", form.dataset.resent); flush(); }
  }

  function additive(form) {
    var key = "regionet:" + form.dataset.store;
    var draftKey = key + ":draft";
    var queue = load(key) || [];
    var sending = false;
    var draft = load(draftKey) || {};

    Object.keys(draft).forEach(function (name) { show(form, name, draft[name]); });

    function drain() {
      if (sending || !queue.length) { return; }
      sending = true;
      say("busy", form.dataset.saving);
      post(form.action, new URLSearchParams(queue[0])).then(function (answer) {
        sending = false;
        if (answer.ok || !retryable(answer)) {
          queue.shift();
          keep(key, queue.length ? queue : null);
        }
        if (answer.ok && !queue.length) {
          window.location.reload();
        } else if (answer.ok) {
          drain();
        } else {
          say(retryable(answer) ? "waiting" : "error", answer.message);
        }
      }, function () {
        sending = false;
        say("waiting", form.dataset.offline);
      });
    }

    form.addEventListener("input", function (event) {
      if (event.target.name) {
        draft[event.target.name] = event.target.value;
        keep(draftKey, draft);
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var pairs = [];
      for (var i = 0; i < form.elements.length; i += 1) {
        var field = form.elements[i];
        if (field.name) { pairs.push([field.name, field.value]); }
      }
      queue.push(pairs);
      keep(key, queue);
      draft = {};
      keep(draftKey, null);
      fieldsNamed(form, "sid")[0].value = newSid();
      form.reset();
      drain();
    });
    window.addEventListener("online", drain);
    window.addEventListener("offline", function () {
      if (queue.length) { say("waiting", form.dataset.offline); }
    });
    window.setInterval(drain, RETRY_MS);
    if (queue.length) { say("busy", form.dataset.resent); drain(); }
  }

  // What other pages of this room left unsent (the partner moved on before it went out,
  // or the connection dropped) is sent from whichever page is open now. What belongs to
  // a room that has closed can no longer be sent: it is forgotten.
  function sendLeftovers() {
    var room = document.body.dataset.room;
    var csrf = document.body.dataset.csrf;
    if (!room || !csrf) { return; }
    var prefix = "regionet:" + room + ":";
    var onThisPage = {};
    document.querySelectorAll("form[data-store]").forEach(function (form) {
      onThisPage["regionet:" + form.dataset.store] = true;
    });
    var keys = [];
    for (var i = 0; i < window.localStorage.length; i += 1) { keys.push(window.localStorage.key(i)); }
    keys.forEach(function (key) {
      if (key.indexOf("regionet:") !== 0 || onThisPage[key] || /:draft$/.test(key)) { return; }
      if (key.indexOf(prefix) !== 0) { keep(key, null); return; }
      var stage = key.slice(prefix.length);
      var kept = load(key);
      var bodies = [];
      if (/-add$/.test(stage)) {
        (kept || []).forEach(function (pairs) { bodies.push(new URLSearchParams(pairs)); });
        stage = stage.replace(/-add$/, "/add");
      } else {
        var body = new URLSearchParams();
        body.append("csrf", csrf);
        Object.keys(kept || {}).forEach(function (name) {
          body.append(name, kept[name].value);
          body.append("was." + name, kept[name].was);
        });
        bodies.push(body);
      }
      var all = bodies.map(function (body) {
        return post("/s/" + stage, body).then(function (answer) {
          return answer.ok || !retryable(answer);
        }, function () { return false; });
      });
      Promise.all(all).then(function (done) {
        if (done.every(Boolean)) { keep(key, null); }
      });
    });
  }

  // Leaving the page with answers not yet sent: they go out on the way (and stay kept
  // until a page hears they were saved).
  function sendOnLeaving(form) {
    window.addEventListener("pagehide", function () {
      var kept = load("regionet:" + form.dataset.store);
      if (!kept || !Object.keys(kept).length) { return; }
      var body = new URLSearchParams();
      body.append("csrf", fieldsNamed(form, "csrf")[0].value);
      Object.keys(kept).forEach(function (name) {
        body.append(name, kept[name].value);
        body.append("was." + name, kept[name].was);
      });
      window.fetch(form.action, { method: "POST", body: body, credentials: "same-origin",
                                  keepalive: true, headers: { "Accept": "application/json" } });
    });
  }

  document.querySelectorAll("form[data-autosave]").forEach(function (form) {
    autosave(form);
    sendOnLeaving(form);
  });
  document.querySelectorAll("form[data-additive]").forEach(additive);
  sendLeftovers();
}());
