// A stand-in for the `electron` module, for running the built main process under plain Node on
// machines without the Electron binary. It records what the app asked of Electron in
// `globalThis.electronReport`; `app.becomeReady()` plays Electron's `ready`.
import { EventEmitter } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const report = {
  registeredSchemes: [],
  windows: [],
  sent: [],
  openedExternally: [],
  permissionHandlers: 0,
  focused: 0,
  quit: false,
  exitCode: null,
  userDataPath: null,
  privilegedSchemes: [],
  errorBoxes: [],
  handledSchemes: [],
  menus: [],
};
globalThis.electronReport = report;

let resolveReady = () => {};
const ready = new Promise((resolve) => (resolveReady = resolve));

class StandInApp extends EventEmitter {
  isPackaged = process.env.STAND_IN_PACKAGED !== "false";
  #ready = false;
  requestSingleInstanceLock() {
    return process.env.STAND_IN_LOCK !== "taken";
  }
  setAsDefaultProtocolClient(...args) {
    report.registeredSchemes.push(args);
    return true;
  }
  whenReady() {
    return ready;
  }
  isReady() {
    return this.#ready;
  }
  quit() {
    report.quit = true;
  }
  exit(code) {
    report.exitCode = code;
  }
  // The system's languages, most preferred first, as Electron reads them from the OS.
  getPreferredSystemLanguages() {
    return JSON.parse(process.env.STAND_IN_LANGUAGES ?? '["en-US"]');
  }
  setPath(name, path) {
    if (name === "userData") report.userDataPath = path;
  }
  getPath(name) {
    if (name !== "userData") throw new Error(`the stand-in knows no path "${name}"`);
    return report.userDataPath ?? join(tmpdir(), "resetkit-stand-in-user-data");
  }
  becomeReady() {
    this.#ready = true;
    resolveReady();
  }
}
export const app = new StandInApp();

class StandInWebContents extends EventEmitter {
  windowOpenHandler = null;
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    report.sent.push([channel, payload]);
  }
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  constructor(options) {
    super();
    this.webContents = new StandInWebContents();
    this.record = { options, loaded: null };
    report.windows.push(this.record);
    BrowserWindow.all.push(this);
  }
  loadFile(file) {
    this.record.loaded = { file };
    return Promise.resolve();
  }
  loadURL(url) {
    this.record.loaded = { url };
    return Promise.resolve();
  }
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  restore() {}
  show() {}
  focus() {
    report.focused += 1;
  }
}

// Every application menu the app set, as plain data (labels, roles, radio states); the latest one
// also stays as given, so a step can click its items.
export const Menu = {
  current: null,
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    if (!app.isReady()) throw new Error("setApplicationMenu must be called after ready");
    Menu.current = menu;
    report.menus.push(describeMenu(menu.template));
  },
};

function describeMenu(items) {
  return items.map(({ label, role, type, checked, submenu }) => ({
    label,
    role,
    type,
    checked,
    submenu: submenu ? describeMenu(submenu) : undefined,
  }));
}

export const ipcMain = {
  handlers: new Map(),
  handle(channel, listener) {
    this.handlers.set(channel, listener);
  },
};

export const protocol = {
  handlers: new Map(),
  registerSchemesAsPrivileged(schemes) {
    if (app.isReady()) throw new Error("registerSchemesAsPrivileged must be called before ready");
    report.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    report.handledSchemes.push(scheme);
    this.handlers.set(scheme, handler);
  },
};

export const dialog = {
  showErrorBox(title, content) {
    report.errorBoxes.push([title, content]);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler() {
      report.permissionHandlers += 1;
    },
    setPermissionCheckHandler() {
      report.permissionHandlers += 1;
    },
  },
};

export const shell = {
  openExternal(url) {
    report.openedExternally.push(url);
    return Promise.resolve();
  },
};

// Like Linux without a keyring: nothing can be encrypted, so nothing is kept on disk.
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString() {
    throw new Error("Encryption is not available.");
  },
  decryptString() {
    throw new Error("Decryption is not available.");
  },
  getSelectedStorageBackend: () => "basic_text",
};

export default { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell };
