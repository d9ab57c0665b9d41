/** The product's name, as the window, the menu and the screens show it; never translated. */
export const APP_NAME = "ResetKit";
