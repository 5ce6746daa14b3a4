// Starts the app: reads how to sign in (and the service's clock), finishes an OIDC callback, routes.
import { homeOf, navigate, route, setServerNow, show } from "./app";
import { h, replace } from "./dom";
import { CALLBACK_PATH, completeSignIn } from "./oidc";
import { agreementsPage } from "./pages/agreements";
import { inboxPage, portfolioPage } from "./pages/chief";
import { focusOverviewPage, themesPage, wheelPage } from "./pages/configuration";
import { conversationPage } from "./pages/conversation";
import { dataPackagePage } from "./pages/datapackage";
import { importsPage } from "./pages/imports";
import { oneToOnePage } from "./pages/one-to-one";
import { healthPage } from "./pages/operations";
import { signInPage, type WebConfig } from "./pages/signin";
import { statementsPage } from "./pages/statements";
import { printablePage, supervisionPage } from "./pages/supervision";
import { unitPage } from "./pages/unit";
import { signIn } from "./session";

async function start(): Promise<void> {
  const app = document.getElementById("app")!;
  let config: WebConfig;
  try {
    config = (await (await fetch("/web/config")).json()) as WebConfig;
  } catch {
    replace(app, h("main", { id: "main" }, h("h1", null, "Tjenesten svarer ikke"), h("p", null, "Prøv igen om lidt.")));
    return;
  }
  setServerNow(new Date(config.now));

  if (location.pathname === CALLBACK_PATH && config.oidc) {
    try {
      const { token, returnTo } = await completeSignIn(config.oidc);
      const session = signIn(token);
      history.replaceState(null, "", `/${session ? (returnTo === "#/" ? homeOf(session) : returnTo) : "#/log-ind"}`);
    } catch (error) {
      history.replaceState(null, "", "/#/log-ind");
      replace(app, h("main", { id: "main" }, h("h1", null, "Login mislykkedes"), h("p", null, String(error instanceof Error ? error.message : error)),
        h("p", null, h("a", { href: "/#/log-ind" }, "Prøv igen"))));
      return;
    }
  }

  const unit = "([^/]+)";
  route(/^\/log-ind$/, signInPage(config));
  route(/^\/portefolje$/, portfolioPage);
  route(/^\/indbakke$/, inboxPage);
  route(new RegExp(`^/enhed/${unit}$`), unitPage);
  route(new RegExp(`^/enhed/${unit}/datapakke(?:/${unit})?$`), dataPackagePage);
  route(new RegExp(`^/enhed/${unit}/aftaler$`), agreementsPage);
  route(new RegExp(`^/enhed/${unit}/samtale/${unit}$`), conversationPage);
  route(new RegExp(`^/enhed/${unit}/1til1/${unit}$`), oneToOnePage);
  route(new RegExp(`^/enhed/${unit}/udtalelser$`), statementsPage);
  route(new RegExp(`^/enhed/${unit}/tilsyn(?:/(\\d{4}))?$`), supervisionPage);
  route(new RegExp(`^/enhed/${unit}/tilsyn/(\\d{4})/udskrift$`), printablePage);
  route(/^\/administration$/, importsPage);
  route(/^\/administration\/temaer$/, themesPage);
  route(/^\/administration\/aarshjul$/, wheelPage);
  route(/^\/administration\/fokusomraader$/, focusOverviewPage);
  route(/^\/drift$/, healthPage);

  window.addEventListener("hashchange", () => void show());
  if (!location.hash.startsWith("#/")) navigate("#/");
  else await show();
}

void start();
