namespace Leitbild.Teams.Bot.Tests.Schema;

/// <summary>Activity payloads copied from Microsoft's Teams and Bot Framework documentation; each names its page.</summary>
public static class DocumentedPayloads
{
    /// <summary>"Full inbound schema example",
    /// https://learn.microsoft.com/microsoftteams/platform/resources/bot-v3/bot-conversations/bots-conversations</summary>
    public const string PersonalMessage = """
        {
            "type": "message",
            "id": "1485983408511",
            "timestamp": "2017-02-01T21:10:07.437Z",
            "localTimestamp": "2017-02-01T14:10:07.437-07:00",
            "serviceUrl": "https://smba.trafficmanager.net/amer/",
            "channelId": "msteams",
            "from": {
                "id": "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw",
                "name": "Megan Bowen",
                "aadObjectId": "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"
            },
            "conversation": {
                "conversationType": "personal",
                "id": "a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-"
            },
            "recipient": {
                "id": "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c",
                "name": "Teams TestBot"
            },
            "textFormat": "plain",
            "text": "Hello Teams TestBot",
            "entities": [
              {
                "locale": "en-US",
                "country": "US",
                "platform": "Windows",
                "timezone": "America/Los_Angeles",
                "type": "clientInfo"
              }
            ],
            "channelData": {
                "tenant": {
                    "id": "72f988bf-86f1-41af-91ab-2d7cd011db47"
                }
            },
            "locale": "en-US"
        }
        """;

    /// <summary>"This is the message your bot receives when the bot is added to a one-to-one chat",
    /// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events</summary>
    public const string BotAddedToPersonalChat = """
        {
          "membersAdded": [{
              "id": "28:f5d48856-5b42-41a0-8c3a-c5f944b679b0"
            },
            {
              "id": "29:<userID>",
              "aadObjectId": "***"
            }
          ],
          "type": "conversationUpdate",
          "timestamp": "2019-04-23T10:17:44.349Z",
          "id": "f:5f85c2ad",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/amer-client-ss.msg/",
          "from": {
            "id": "29:<USERID>",
            "aadObjectId": "***"
          },
          "conversation": {
            "conversationType": "personal",
            "id": "***"
          },
          "recipient": {
            "id": "28:<BOT ID>",
            "name": "<BOT NAME>"
          },
          "channelData": {
            "tenant": {
              "id": "<TENANT ID>"
            }
          }
        }
        """;

    /// <summary>"This is the message your bot receives when the bot is added to a team",
    /// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events</summary>
    public const string BotAddedToTeam = """
        {
            "type": "conversationUpdate",
            "membersAdded": [
                {
                    "id": "28:608cacfd-1cea-40c9-b678-4b93e69bb72b"
                }
            ],
            "timestamp": "2021-12-07T22:34:56.534Z",
            "id": "f:0b9079f4-d4d3-3d8e-b883-798298053c7e",
            "channelId": "msteams",
            "serviceUrl": "https://smba.trafficmanager.net/amer/",
            "from": {
                "id": "29:1ljv6N86roXr5pjPrCJVIz6xHh5QxjI....",
                "aadObjectId": "eddfa9d4-346e-4cce-a18f-fa6261ad776b"
            },
            "conversation": {
                "isGroup": true,
                "conversationType": "channel",
                "tenantId": "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f",
                "id": "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2",
                "name": "2021 Test Channel"
            },
            "recipient": {
                "id": "28:608cacfd-1cea-40c9-b678-4b93e69bb72b",
                "name": "Test Bot"
            },
            "channelData": {
                "settings": {
                    "selectedChannel": {
                        "id": "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"
                    }
                },
                "team": {
                    "aadGroupId": "f3ec8cd2-e704-4344-8c47-9a3a21d683c0",
                    "name": "TestTeam2022",
                    "id": "19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2"
                },
                "eventType": "teamMemberAdded",
                "tenant": {
                    "id": "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"
                }
            }
        }
        """;

    /// <summary>installationUpdate example,
    /// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events
    /// (the page's sample opens with one brace too many; that brace is removed, nothing else changed).</summary>
    public const string InstallationUpdateAdd = """
        {
            "type": "installationUpdate",
            "id": "f:816eb23d-bfa1-afa3-dfeb-d2aa338e9541",
            "timestamp": "2021-11-09T04:47:30.91Z",
            "serviceUrl": "https://smba.trafficmanager.net/amer/",
            "channelId": "msteams",
            "from": {
                "id": "29:1ljv6N86roXr5pjPrCJVIz6xHh5QxjI....",
                "aadObjectId": "eddfa9d4-346e-4cce-a18f-fa6261ad776b"
            },
            "recipient": {
                "id": "28:608cacfd-1cea-40c9-b678-4b93e69bb72b",
                "name": "Test Bot"
            },
            "locale": "en-US",
            "entities": [
                {
                    "type": "clientInfo",
                    "locale": "en-US"
                }
            ],
            "conversation": {
                "isGroup": true,
                "id": "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2",
                "name": "2021 Test Channel",
                "conversationType": "channel",
                "tenantId": "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"
            },
            "channelData": {
                "settings": {
                    "selectedChannel": {
                        "id": "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"
                    }
                },
                "channel": {
                    "id": "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"
                },
                "team": {
                    "aadGroupId": "da849743-4259-475f-ae7a-4f4b0fb49943",
                    "name": "TestTeam2022",
                    "id": "19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2"
                },
                "tenant": {
                    "id": "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"
                },
                "source": {
                    "name": "message"
                }
            },
            "action": "add"
        }
        """;

    /// <summary>"Reactions added to bot message", with members this library does not model (reactionsAdded, legacy),
    /// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events</summary>
    public const string ReactionAdded = """
        {
            "reactionsAdded": [
                {
                    "type": "like"
                }
            ],
            "type": "messageReaction",
            "timestamp": "2017-10-16T18:45:41.943Z",
            "id": "f:9f78d1f3",
            "channelId": "msteams",
            "serviceUrl": "https://smba.trafficmanager.net/amer-client-ss.msg/",
            "from": {
                "id": "29:1I9Is_Sx0O-Iy2rQ7Xz1lcaPKlO9eqmBRTBuW6XzkFtcjqxTjPaCMij8BVMdBcL9L_RwWNJyAHFQb0TRzXgyQvA",
                "aadObjectId": "c33aafc4-646d-4543-9d4c-abd28e4d2110"
            },
            "conversation": {
                "isGroup": true,
                "conversationType": "channel",
                "id": "19:3629591d4b774aa08cb0887902eee7c1@thread.skype"
            },
            "recipient": {
                "id": "28:f5d48856-5b42-41a0-8c3a-c5f944b679b0",
                "name": "SongsuggesterLocal"
            },
            "channelData": {
                "channel": {
                    "id": "19:3629591d4b774aa08cb0887902eee7c1@thread.skype"
                },
                "team": {
                    "id": "19:efa9296d959346209fea44151c742e73@thread.skype"
                },
                "tenant": {
                    "id": "72f988bf-86f1-41af-91ab-2d7cd011db47"
                }
            },
            "replyToId": "1575667808184",
            "legacy": {
              "replyToId": "1:19uJ8TZA1cZcms7-2HLOW3pWRF4nSWEoVnRqc0DPa_kY"
            }
        }
        """;

    /// <summary>"Channel created" event, https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events</summary>
    public const string ChannelCreated = """
        {
            "type": "conversationUpdate",
            "timestamp": "2017-02-23T19:34:07.478Z",
            "localTimestamp": "2017-02-23T12:34:07.478-07:00",
            "id": "f:dd6ec311",
            "channelId": "msteams",
            "serviceUrl": "https://smba.trafficmanager.net/amer-client-ss.msg/",
            "from": {
                "id": "29:1wR7IdIRIoerMIWbewMi75JA3scaMuxvFon9eRQW2Nix5loMDo0362st2IaRVRirPZBv1WdXT8TIFWWmlQCizZQ"
            },
            "conversation": {
                "isGroup": true,
                "conversationType": "channel",
                "id": "19:efa9296d959346209fea44151c742e73@thread.skype"
            },
            "recipient": {
                "id": "28:f5d48856-5b42-41a0-8c3a-c5f944b679b0",
                "name": "SongsuggesterBot"
            },
            "channelData": {
                "channel": {
                    "id": "19:6d97d816470f481dbcda38244b98689a@thread.skype",
                    "name": "FunDiscussions"
                },
                "team": {
                    "id": "19:efa9296d959346209fea44151c742e73@thread.skype"
                },
                "eventType": "channelCreated",
                "tenant": {
                    "id": "72f988bf-86f1-41af-91ab-2d7cd011db47"
                }
            }
        }
        """;

    /// <summary>The adaptiveCard/action "Request format" of
    /// https://learn.microsoft.com/microsoftteams/platform/bots/universal-bot-action-model/develop-universal-bot-action-model
    /// (source: MicrosoftDocs/msteams-docs, msteams-platform/bots/Universal-bot-action-model/Develop-universal-bot-action-model.md): type, name and value as documented; "trigger" takes one of its two
    /// documented values and "data" one object, because the page writes them as placeholders.</summary>
    public const string AdaptiveCardActionInvoke = """
        {
          "type": "invoke",
          "name": "adaptiveCard/action",
          "value": {
            "action": {
              "type": "Action.Execute",
              "id": "abc",
              "verb": "def",
              "data": { "goal": "klima-1" }
            },
            "trigger": "manual"
          }
        }
        """;

    /// <summary>task/fetch request from the Adaptive Card tabs page,
    /// https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/build-adaptive-card-tabs
    /// (its comment line and the trailing comma after "theme" are removed so it parses).</summary>
    public const string TaskFetchInvoke = """
        {
            "name": "task/fetch",
            "value": {
                "data": {
                    "type": "task/fetch"
                },
                "context": {
                    "theme": "default"
                },
                "tabContext": {
                    "tabEntityId": "{tab_entity_id}"
                }
            },
            "imdisplayname": "{user_display_name}",
            "conversation": {
                "id": "{generated_conversation_id}"
            }
        }
        """;

    /// <summary>Dialog (task module) continue response, https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/task-modules/task-modules-bots</summary>
    public const string TaskContinueResponse = """
        {
          "task": {
            "type": "continue",
            "value": {
              "title": "Task module title",
              "height": 500,
              "width": "medium",
              "url": "https://contoso.com/msteams/taskmodules/newcustomer",
              "fallbackUrl": "https://contoso.com/msteams/taskmodules/newcustomer"
            }
          }
        }
        """;

    /// <summary>OpenID metadata of the Bot Connector, https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
    /// (the jwks_uri is pointed at the test's local endpoint).</summary>
    public const string OpenIdMetadataTemplate = Leitbild.Teams.IdentitySimulator.BotFrameworkMetadata.Template;

}
