import { defineResource } from '../../../shared/execution/operation';
import createWebviewSession from './createWebviewSession';
import getMany from './getMany';

export default defineResource({
	value: 'site',
	name: 'Site',
	description: "The program's sites (stores) and WebView sessions of their Loyalty Page",
	defaultOperation: 'getMany',
	operations: [createWebviewSession, getMany],
});
