import { mount } from 'svelte';
import * as api from './api';
import QuickLog from './components/QuickLog.svelte';
import './app.css';

// The quick-log window is its own page: it must be typeable at once, so it loads only its form,
// not the main window's views (see ARCHITECTURE.md, "Windows and what they cost"). The core's
// channels and the app's clock are read first, so the first number key already picks a channel.
const target = document.getElementById('app');
if (!target) throw new Error('quicklog.html has no #app element');

const [facts, nav] = await Promise.allSettled([api.facts(), api.weekNav(null)]);

export default mount(QuickLog, {
  target,
  props: {
    facts: facts.status === 'fulfilled' ? facts.value : null,
    nav: nav.status === 'fulfilled' ? nav.value : null,
  },
});
