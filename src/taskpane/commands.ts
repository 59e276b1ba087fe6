/// <reference types="office-js" />
// The ribbon's FunctionFile (commands.html). The ribbon button only opens the task pane (ShowTaskpane), so no
// functions are registered yet; an ExecuteFunction command adds its handler to `actions`.
type Action = (event: Office.AddinCommands.Event) => void;

const actions: Record<string, Action> = {};

Office.onReady(() => {
  Object.keys(actions).forEach((name) => {
    const fn = actions[name];
    if (Office.actions && typeof Office.actions.associate === 'function') Office.actions.associate(name, fn);
    // Clients before the shared-runtime API look the function up on the global object.
    else (window as unknown as Record<string, Action>)[name] = fn;
  });
});
