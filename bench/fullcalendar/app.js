// The FullCalendar 6 reference page of the benchmark (bench/browser.mjs):
// fetches our events.json, maps it to FullCalendar's event objects, draws
// the month view, and sets document.documentElement.dataset.ready = "true"
// once the month's events are in the DOM, the same signal our app gives
// (src/ui/fetch.rs: set right after the first view with the data is drawn,
// before the browser paints it).
//
// ?date=YYYY-MM-DD is the first day of the month to open on: the bench
// computes it from the data with our app's rule (src/grid.rs,
// initial_month), so both pages show the same month.
(function () {
  'use strict';

  // The day after `ymd` (YYYY-MM-DD), in the calendar, not in a time zone.
  function nextDay(ymd) {
    var d = new Date(ymd + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }

  // Our format (README "The data"): an all-day event has dates
  // (`2004-02-04`) and its `end` is the LAST day, included; FullCalendar's
  // end is exclusive, so it gets the day after. A timed event has local
  // Tokyo date-times (`2004-02-25T18:00`, no offset), which FullCalendar
  // takes as local times (the bench's browser runs in Asia/Tokyo); a
  // missing `end` is left out (FullCalendar then uses its default length).
  function toFullCalendar(data) {
    var colors = {};
    (data.projects || []).forEach(function (p) { colors[p.id] = p.color; });
    return (data.events || []).map(function (e) {
      var allDay = e.start.length === 10;
      var out = { id: e.id, title: e.title, start: e.start, allDay: allDay };
      if (e.end) out.end = allDay ? nextDay(e.end) : e.end;
      if (colors[e.project]) out.color = colors[e.project];
      return out;
    });
  }

  var root = document.documentElement;
  function ready() { root.dataset.ready = 'true'; }

  var initialDate = new URLSearchParams(location.search).get('date') || undefined;

  fetch('events.json')
    .then(function (r) {
      if (!r.ok) throw new Error('events.json: ' + r.status);
      return r.json();
    })
    .then(function (data) {
      var el = document.getElementById('calendar');
      var calendar = new FullCalendar.Calendar(el, {
        initialView: 'dayGridMonth',
        initialDate: initialDate,
        // The standard bundle has no locales; ja.global.min.js
        // (@fullcalendar/core/locales/ja) registers this one.
        locale: 'ja',
        // As our month grid: at most three bars a day, then "+N".
        dayMaxEvents: 3,
        events: toFullCalendar(data),
      });
      calendar.render();
      // render() draws synchronously in FullCalendar 6 (the events'
      // elements exist when it returns; data-ready-how says which way it
      // went); if a version ever drew later, wait for the first event
      // element rather than claim ready. A month without events is ready
      // at once.
      var view = calendar.view;
      var shown = calendar.getEvents().some(function (ev) {
        return ev.start < view.activeEnd && (ev.end || ev.start) >= view.activeStart;
      });
      if (!shown || el.querySelector('.fc-event')) {
        root.dataset.readyHow = shown ? 'sync' : 'empty';
        ready();
      } else {
        var mo = new MutationObserver(function () {
          if (el.querySelector('.fc-event')) {
            mo.disconnect();
            root.dataset.readyHow = 'observer';
            ready();
          }
        });
        mo.observe(el, { childList: true, subtree: true });
      }
    })
    .catch(function (e) {
      root.dataset.error = String(e);
    });
})();
