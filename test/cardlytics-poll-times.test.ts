'use strict';
// The Trigger's Poll Times default, after n8n's own loader has added its common polling fields.
const path = require('path');
const { DirectoryLoader } = require('n8n-core/dist/nodes-loader/directory-loader');
const { NodeHelpers } = require('n8n-workflow');

test('Cardlytics Trigger polls once a day by default, with one Poll Times field after n8n loads it', () => {
	const { CardlyticsTrigger } = require(
		path.join(__dirname, '../dist/nodes/Cardlytics/CardlyticsTrigger.node.js'),
	);
	const node = new CardlyticsTrigger();
	DirectoryLoader.prototype.applySpecialNodeParameters.call({}, node);
	const fields = node.description.properties.filter((p) => p.name === 'pollTimes');
	expect(fields).toHaveLength(1);
	const params = NodeHelpers.getNodeParameters(
		node.description.properties,
		{},
		true,
		false,
		null,
		node.description,
	);
	expect(params.pollTimes).toEqual({ item: [{ mode: 'everyDay', hour: 6, minute: 0 }] });
});
