// Node module hook: `import "electron"` gets the stand-in next to this file.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "electron") return { url: new URL("./electron.mjs", import.meta.url).href, shortCircuit: true };
  return nextResolve(specifier, context);
}
