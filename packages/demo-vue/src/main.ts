// The tags are defined before Vue mounts, so Vue sees their properties and sets them as such.
import '@session-lens/elements/define.js';
import { createApp } from 'vue';
import App from './App.vue';
import './styles.css';

createApp(App).mount('#app');
