// Runs after each test file (jest setupFilesAfterEnv): no secret or token may have appeared in any output
// or error of any workflow the file ran.
import { registry } from './secrets';

afterAll(() => {
	const leaks = registry.leaks.splice(0);
	if (leaks.length) {
		throw new Error(
			`Secrets found in workflow output or errors:\n${leaks.map((l) => `  ${l.where}: ${l.secret}`).join('\n')}`,
		);
	}
});
