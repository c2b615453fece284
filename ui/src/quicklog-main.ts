import { mount } from 'svelte';
import QuickLog from './components/QuickLog.svelte';
import './app.css';

// The quick-log window is its own page: it must be typeable at once, so it loads only its form,
// not the main window's views (see ARCHITECTURE.md, "Windows and what they cost").
const target = document.getElementById('app');
if (!target) throw new Error('quicklog.html has no #app element');

export default mount(QuickLog, { target });
