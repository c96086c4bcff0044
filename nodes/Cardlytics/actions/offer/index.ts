import { defineResource } from '../../../shared/execution/operation';
import del from './delete';
import upsert from './upsert';

export default defineResource({
	value: 'offer',
	name: 'Offer',
	description: 'Card-linked offers of a merchant',
	// upsert.value, not the literal: the n8n upsert lint rules would take this object for an option.
	defaultOperation: upsert.value,
	operations: [upsert, del],
});
