import { mount } from 'svelte';
import App from './App.svelte';
import QuickLog from './components/QuickLog.svelte';
import { isQuicklog } from './route';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The quick-log window loads the same page at "#/quicklog" and shows only its form.
export default isQuicklog(location.hash) ? mount(QuickLog, { target }) : mount(App, { target });
