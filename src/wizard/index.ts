/** The decision wizard, as the app sees it: the view, and a way to open it. */
export { Wizard, WIZARD_TITLE } from './Wizard';
export { openWizard } from './wizardStore';
