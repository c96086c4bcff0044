import { defineResource } from '../../../shared/execution/operation';
import download from './download';
import getLink from './getLink';

export default defineResource({
	value: 'redemption',
	name: 'Redemption',
	description: 'Daily redemption files',
	defaultOperation: 'getLink',
	operations: [download, getLink],
});
