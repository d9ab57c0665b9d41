/**
 * The renderer's entry point: one React root with the React Query client and the app's
 * language around the app.
 */
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { AppLanguage } from "./AppLanguage.tsx";
import { createQueryClient } from "./query-client.ts";
import "../../../worker/public/styles.css";
import "./desktop.css";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <AppLanguage>
          <App />
        </AppLanguage>
      </QueryClientProvider>
    </StrictMode>,
  );
}
