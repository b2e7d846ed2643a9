/** `npm run hub -- <command>`: the hub's command line. */
const [command] = process.argv.slice(2);
console.error(`pos-hub: the hub is being built (command "${command ?? 'serve'}" is not available yet)`);
process.exit(2);
