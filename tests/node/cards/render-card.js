// Loaded into Chromium after node_modules/adaptivecards/dist/adaptivecards.js by the card rendering tests
// (tests/Leitbild.Teams.EndToEnd.Tests/Cards). Parses one card with the official renderer, collects every event the
// renderer logs while parsing and validating, renders it into #card and reports what the DOM holds.
window.renderCard = function (cardJson) {
  const host = document.getElementById("card");
  host.innerHTML = "";
  const events = [];
  const describe = (phase, e) => ({
    phase: phase,
    event: AdaptiveCards.ValidationEvent[e.event],
    message: e.message,
    source: e.source && e.source.getJsonTypeName ? e.source.getJsonTypeName() : "",
  });

  // The renderer checks "lang" with a regular expression carrying the global flag, so exec() keeps lastIndex from the
  // previous card and every second valid "de" is reported as invalid (microsoft/AdaptiveCards#9145). Teams parses each
  // card afresh; resetting lastIndex gives every card that fresh start without hiding a real problem.
  AdaptiveCards.CardElement.langProperty.regEx.lastIndex = 0;
  const context = new AdaptiveCards.SerializationContext();
  const card = new AdaptiveCards.AdaptiveCard();
  card.parse(JSON.parse(cardJson), context);
  for (let i = 0; i < context.eventCount; i++) {
    events.push(describe("parse", context.getEventAt(i)));
  }
  for (const e of card.validateProperties().validationEvents) {
    events.push(describe("validation", e));
  }

  const rendered = card.render();
  if (rendered) {
    host.appendChild(rendered);
  }
  const inputs = card.getAllInputs().map(input => ({
    id: input.id,
    type: input.getJsonTypeName(),
    // The renderer gives each rendered element the card element's id; a control inside it is what a person uses.
    inDom: !!document.getElementById(input.id)
      && !!document.getElementById(input.id).querySelector("select, input, textarea"),
  }));
  const buttons = Array.from(host.querySelectorAll("button")).map(b => b.getAttribute("aria-label") || b.textContent.trim());
  return {
    version: card.version ? card.version.toString() : "",
    rendered: !!rendered,
    events: events,
    inputs: inputs,
    buttons: buttons,
    text: host.innerText,
  };
};
