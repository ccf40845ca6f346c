// Entry point: mounts the App. Everything the page owns (store, worker bridge) is created inside
// it, so there are no module-level singletons to leak between mounts or tests.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import './app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
