/** The page of `/embed/desk` (embed/desk.html): the hub's desk, talking to its host through kiosk/frame-bridge.ts. */
import './main.js';
import { startFrameBridge } from '../kiosk/frame-bridge.js';

const desk = document.querySelector('visitor-desk');
if (desk) startFrameBridge({ app: 'desk', element: desk, siteSrc: desk.getAttribute('config-src') ?? '/site.json' });
